using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Institutions;

// Every (state, action) pair of the application state machine, tried by a centre administrator so that
// only the state decides: allowed, with its history entry, or refused without changing anything.
public sealed class InstitutionApplicationTransitionTableTests
{
    public enum Act
    {
        Approve,
        Reject,
    }

    private static readonly Actor Admin = new("admin-1", Role.CentreAdmin);
    private static readonly DateTimeOffset DecidedAt = Instant("2026-02-04T15:00:00+08:00");
    private static readonly DateTimeOffset TriedAt = Instant("2026-02-05T10:00:00+08:00");

    [Theory]
    [InlineData(InstitutionApplicationStatus.Pending, Act.Approve, InstitutionApplicationStatus.Approved, null)]
    [InlineData(InstitutionApplicationStatus.Pending, Act.Reject, InstitutionApplicationStatus.Rejected, "营业执照经营范围不含职业技能培训")]
    [InlineData(InstitutionApplicationStatus.Approved, Act.Approve, null, null)]
    [InlineData(InstitutionApplicationStatus.Approved, Act.Reject, null, null)]
    [InlineData(InstitutionApplicationStatus.Rejected, Act.Approve, null, null)]
    [InlineData(InstitutionApplicationStatus.Rejected, Act.Reject, null, null)]
    public void EveryStateAndAction(InstitutionApplicationStatus state, Act act, InstitutionApplicationStatus? expected, string? note)
    {
        var application = In(state);
        var historyBefore = application.History.Count;
        var decidedAtBefore = application.DecidedAt;
        var rejectReasonBefore = application.RejectReason;

        if (expected is null)
        {
            Assert.False(application.CanDecide(Admin));
            var refused = Assert.Throws<DomainRuleException>(() => Perform(application, act, TriedAt));
            Assert.Equal(
                $"只有“待审核”的申请可以审核，这份申请当前为“{InstitutionApplicationStatuses.DisplayName(state)}”", refused.Message);
            Assert.Equal(state, application.Status);
            Assert.Equal(historyBefore, application.History.Count);
            Assert.Equal(decidedAtBefore, application.DecidedAt);
            Assert.Equal(rejectReasonBefore, application.RejectReason);
            return;
        }

        Assert.True(application.CanDecide(Admin));
        Perform(application, act, DecidedAt);

        Assert.Equal(expected, application.Status);
        Assert.Equal(DecidedAt, application.DecidedAt);
        Assert.Equal("admin-1", application.DecidedByUserId);
        Assert.Equal(note, application.RejectReason);
        Assert.Equal(historyBefore + 1, application.History.Count);
        var entry = application.History[^1];
        Assert.Equal(application.Id, entry.ApplicationId);
        Assert.Equal(state, entry.From);
        Assert.Equal(expected, entry.To);
        Assert.Equal("admin-1", entry.ActorUserId);
        Assert.Equal(Role.CentreAdmin, entry.ActorRole);
        Assert.Equal(DecidedAt, entry.At);
        Assert.Equal(note, entry.Note);
    }

    [Theory]
    [InlineData(InstitutionApplicationStatus.Pending, "待审核")]
    [InlineData(InstitutionApplicationStatus.Approved, "已同意")]
    [InlineData(InstitutionApplicationStatus.Rejected, "未同意")]
    public void EachStatusHasItsChineseName(InstitutionApplicationStatus status, string displayName) =>
        Assert.Equal(displayName, InstitutionApplicationStatuses.DisplayName(status));

    internal static InstitutionApplication In(InstitutionApplicationStatus state)
    {
        var application = new ApplicationForm().Submit();
        switch (state)
        {
            case InstitutionApplicationStatus.Pending:
                break;
            case InstitutionApplicationStatus.Approved:
                application.Approve(Admin, DecidedAt);
                break;
            case InstitutionApplicationStatus.Rejected:
                application.Reject(Admin, DecidedAt, "营业执照经营范围不含职业技能培训");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }

        return application;
    }

    private static void Perform(InstitutionApplication application, Act act, DateTimeOffset at)
    {
        switch (act)
        {
            case Act.Approve:
                application.Approve(Admin, at);
                break;
            case Act.Reject:
                application.Reject(Admin, at, "营业执照经营范围不含职业技能培训");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(act), act, null);
        }
    }
}
