using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// Every (state, action) pair of the registration state machine: allowed, with its history entry, or refused.
// Each action is tried by the actor who may do it and at a moment its window allows, so only the state decides.
public sealed class RegistrationTransitionTableTests
{
    public enum Act
    {
        Submit,
        Approve,
        Reject,
        Return,
        Resubmit,
        ExpireReturn,
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, Act.Submit, RegistrationStatus.Submitted, "candidate-1", Role.Candidate, "2026-03-14T10:00:00+08:00", null, "Submitted")]
    [InlineData(RegistrationStatus.Draft, Act.Approve, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Draft, Act.Reject, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Draft, Act.Return, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Draft, Act.Resubmit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Draft, Act.ExpireReturn, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Submitted, Act.Submit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Submitted, Act.Approve, RegistrationStatus.Approved, "reviewer-1", Role.CentreReviewer, "2026-03-21T10:00:00+08:00", "材料齐全", "Approved")]
    [InlineData(RegistrationStatus.Submitted, Act.Reject, RegistrationStatus.Rejected, "reviewer-1", Role.CentreReviewer, "2026-03-21T10:00:00+08:00", "学历证明系伪造", "Rejected")]
    [InlineData(RegistrationStatus.Submitted, Act.Return, RegistrationStatus.Returned, "reviewer-1", Role.CentreReviewer, "2026-03-21T10:00:00+08:00", "照片模糊（须修改：考生本人照片、身份证反面）", "Returned")]
    [InlineData(RegistrationStatus.Submitted, Act.Resubmit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Submitted, Act.ExpireReturn, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.Submit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.Approve, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.Reject, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.Return, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.Resubmit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Approved, Act.ExpireReturn, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.Submit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.Approve, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.Reject, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.Return, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.Resubmit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Rejected, Act.ExpireReturn, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Returned, Act.Submit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Returned, Act.Approve, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Returned, Act.Reject, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Returned, Act.Return, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.Returned, Act.Resubmit, RegistrationStatus.Submitted, "candidate-1", Role.Candidate, "2026-03-21T10:00:00+08:00", null, "Resubmitted")]
    [InlineData(RegistrationStatus.Returned, Act.ExpireReturn, RegistrationStatus.ReturnExpired, "system", null, "2026-03-28T09:00:00+08:00", "审核期（2026年3月16日至3月27日）内未提交修改", "ReturnExpired")]
    [InlineData(RegistrationStatus.ReturnExpired, Act.Submit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, Act.Approve, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, Act.Reject, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, Act.Return, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, Act.Resubmit, null, null, null, null, null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, Act.ExpireReturn, null, null, null, null, null, null)]
    public void EveryStateAndAction(
        RegistrationStatus state, Act act, RegistrationStatus? expected, string? actorUserId, Role? actorRole, string? at, string? note, string? action)
    {
        var builder = A.Registration();
        var registration = In(state, builder).Build();
        var historyBefore = registration.History.Count;
        var lastSubmittedBefore = registration.LastSubmittedAt;
        var decidedBefore = registration.DecidedAt;

        if (expected is null)
        {
            Assert.Throws<DomainRuleException>(() => Perform(registration, act, builder));
            Assert.Equal(state, registration.Status);
            Assert.Equal(historyBefore, registration.History.Count);
            Assert.Equal(lastSubmittedBefore, registration.LastSubmittedAt);
            Assert.Equal(decidedBefore, registration.DecidedAt);
            return;
        }

        Perform(registration, act, builder);

        Assert.Equal(expected, registration.Status);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal(registration.Id, entry.RegistrationId);
        Assert.Equal(state, entry.From);
        Assert.Equal(expected, entry.To);
        Assert.Equal(actorUserId, entry.ActorUserId);
        Assert.Equal(actorRole, entry.ActorRole);
        Assert.Equal(Instant(at!), entry.At);
        Assert.Equal(note, entry.Note);
        Assert.Equal(action, entry.Action);
    }

    private static RegistrationBuilder In(RegistrationStatus state, RegistrationBuilder builder) => state switch
    {
        RegistrationStatus.Draft => builder,
        RegistrationStatus.Submitted => builder.Submitted(),
        RegistrationStatus.Approved => builder.Submitted().Approved(),
        RegistrationStatus.Rejected => builder.Submitted().Rejected(),
        RegistrationStatus.Returned => builder.Submitted().Returned(),
        RegistrationStatus.ReturnExpired => builder.Submitted().Returned().ReturnExpired(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static void Perform(Registration registration, Act act, RegistrationBuilder builder)
    {
        var review = Instant("2026-03-21T10:00:00+08:00");
        switch (act)
        {
            case Act.Submit:
                registration.Submit(Candidate, Instant("2026-03-14T10:00:00+08:00"), Batch2, builder.Rule);
                break;
            case Act.Approve:
                registration.Approve(Reviewer, review, Batch2, "材料齐全");
                break;
            case Act.Reject:
                registration.Reject(Reviewer, review, Batch2, "学历证明系伪造");
                break;
            case Act.Return:
                registration.Return(Reviewer, review, Batch2, "照片模糊", ["考生本人照片", "身份证反面"]);
                break;
            case Act.Resubmit:
                registration.Resubmit(Candidate, review, Batch2, builder.Rule);
                break;
            case Act.ExpireReturn:
                registration.ExpireReturn(Instant("2026-03-28T09:00:00+08:00"), Batch2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(act), act, null);
        }
    }
}
