using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// Batch 2 of attachment 2: registration 2026-03-09 to 03-16, review 03-16 to 03-27, each to 24:00 Beijing time.
public sealed class RegistrationWindowTests
{
    [Fact]
    public void SubmissionAtOneMinuteToMidnightOnTheLastDayIsAccepted()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        registration.Submit(Candidate, Instant("2026-03-16T23:59:00+08:00"), Batch2, builder.Rule);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(Instant("2026-03-16T23:59:00+08:00"), registration.SubmittedAt);
        Assert.Equal(registration.SubmittedAt, registration.LastSubmittedAt);
    }

    [Theory]
    [InlineData("2026-03-17T00:00:00+08:00")]
    [InlineData("2026-03-16T16:00:00Z")]
    public void SubmissionAtMidnightAfterTheLastDayIsRefused(string at)
    {
        var builder = A.Registration();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, Instant(at), Batch2, builder.Rule));

        Assert.Equal("本批次报名时间为2026年3月9日至3月16日，现已截止", error.Message);
        Assert.Equal(RegistrationStatus.Draft, registration.Status);
        Assert.Null(registration.SubmittedAt);
    }

    [Fact]
    public void StartingADraftBeforeRegistrationOpensIsRefusedNamingTheDates()
    {
        var error = Assert.Throws<DomainRuleException>(() => Start(Instant("2026-03-08T23:59:59+08:00")));

        Assert.Equal("本批次报名时间为2026年3月9日至3月16日，尚未开始", error.Message);
    }

    [Fact]
    public void StartingADraftAfterRegistrationClosesIsRefusedNamingTheDates()
    {
        var error = Assert.Throws<DomainRuleException>(() => Start(Instant("2026-03-17T08:00:00+08:00")));

        Assert.Equal("本批次报名时间为2026年3月9日至3月16日，现已截止", error.Message);
    }

    [Fact]
    public void RegistrationOpensAtMidnightBeijingTime()
    {
        var registration = Start(Instant("2026-03-08T16:00:00Z"));

        Assert.Equal(RegistrationStatus.Draft, registration.Status);
        var created = Assert.Single(registration.History);
        Assert.Equal((null, RegistrationStatus.Draft, "Created"), (created.From, created.To, created.Action));
        Assert.Equal(("candidate-1", Role.Candidate), (created.ActorUserId, created.ActorRole));
        Assert.Equal(Instant("2026-03-09T00:00:00+08:00"), created.At);
        Assert.Equal(Instant("2026-03-09T00:00:00+08:00"), registration.CreatedAt);
    }

    [Theory]
    [InlineData("Approve", RegistrationStatus.Approved)]
    [InlineData("Reject", RegistrationStatus.Rejected)]
    [InlineData("Return", RegistrationStatus.Returned)]
    public void ReviewOnTheLastReviewDayBeforeMidnightIsAccepted(string decision, RegistrationStatus expected)
    {
        var registration = A.Registration().Submitted().Build();

        Review(registration, decision, Instant("2026-03-27T23:59:00+08:00"));

        Assert.Equal(expected, registration.Status);
        Assert.Equal(Instant("2026-03-27T23:59:00+08:00"), registration.DecidedAt);
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("Reject")]
    [InlineData("Return")]
    public void ReviewAtMidnightAfterTheReviewWindowIsRefused(string decision)
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => Review(registration, decision, Instant("2026-03-28T00:00:00+08:00")));

        Assert.Equal("本批次审核时间为2026年3月16日至3月27日，现已截止，不能再审核", error.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.False(registration.CanReview(Reviewer, Instant("2026-03-28T00:00:00+08:00"), Batch2));
    }

    [Fact]
    public void ReviewMayStartBeforeTheReviewWindowOnceSubmitted()
    {
        var registration = A.Registration().Submitted().Build();

        registration.Approve(Reviewer, Instant("2026-03-13T09:00:00+08:00"), Batch2, null);

        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Fact]
    public void AReturnMadeBeforeTheReviewWindowMayBeAnsweredAtOnce()
    {
        var builder = A.Registration().Submitted()
            .Then(r => r.Return(Reviewer, Instant("2026-03-13T09:00:00+08:00"), Batch2, "照片不清晰", ["考生本人照片"]));
        var registration = builder.Build();
        var at = Instant("2026-03-14T09:00:00+08:00");

        Assert.True(registration.CanEdit(at, Batch2));
        registration.AttachDocument(DocumentSlot.Photo, Guid.NewGuid(), Candidate, at, Batch2);
        registration.Resubmit(Candidate, at, Batch2, builder.Rule);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
    }

    [Fact]
    public void ResubmissionOnTheLastReviewDayIsAccepted()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();

        registration.Resubmit(Candidate, Instant("2026-03-27T23:59:59+08:00"), Batch2, builder.Rule);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
    }

    [Fact]
    public void ResubmissionAfterTheReviewWindowIsRefusedAsOverdue()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.Resubmit(Candidate, Instant("2026-03-28T00:00:00+08:00"), Batch2, builder.Rule));

        Assert.Equal("本批次审核时间为2026年3月16日至3月27日，现已截止；未在审核期内提交修改的报名为逾期未修改，不再受理", error.Message);
        Assert.Equal(RegistrationStatus.Returned, registration.Status);
    }

    [Fact]
    public void AReturnDoesNotExpireBeforeTheReviewWindowEnds()
    {
        var registration = A.Registration().Submitted().Returned().Build();
        var at = Instant("2026-03-27T23:59:59+08:00");

        var error = Assert.Throws<DomainRuleException>(() => registration.ExpireReturn(at, Batch2));

        Assert.Equal("审核期至2026年3月27日结束，届时仍未提交修改的报名才转为逾期未修改", error.Message);
        Assert.False(registration.IsReturnOverdue(at, Batch2));
        Assert.Equal(RegistrationStatus.Returned, registration.Status);
        Assert.Equal(3, registration.History.Count);
    }

    [Fact]
    public void AReturnExpiresAfterTheReviewWindowByTheSystem()
    {
        var registration = A.Registration().Submitted().Returned().Build();
        var at = Instant("2026-03-27T16:00:00Z");

        Assert.True(registration.IsReturnOverdue(at, Batch2));
        registration.ExpireReturn(at, Batch2);

        Assert.Equal(RegistrationStatus.ReturnExpired, registration.Status);
        var entry = registration.History[^1];
        Assert.Equal((RegistrationStatus.Returned, RegistrationStatus.ReturnExpired), (entry.From, entry.To));
        Assert.Equal("system", entry.ActorUserId);
        Assert.Null(entry.ActorRole);
        Assert.Equal(Instant("2026-03-28T00:00:00+08:00"), entry.At);
        Assert.Equal("ReturnExpired", entry.Action);
        Assert.False(registration.IsLive);
    }

    [Fact]
    public void OnlyAReturnedRegistrationCanBeOverdue()
    {
        var registration = A.Registration().Submitted().Build();

        Assert.False(registration.IsReturnOverdue(Instant("2026-04-01T09:00:00+08:00"), Batch2));
    }

    private static void Review(Registration registration, string decision, DateTimeOffset at)
    {
        switch (decision)
        {
            case "Approve":
                registration.Approve(Reviewer, at, Batch2, null);
                break;
            case "Reject":
                registration.Reject(Reviewer, at, Batch2, "学历不符");
                break;
            default:
                registration.Return(Reviewer, at, Batch2, "照片不清晰", ["考生本人照片"]);
                break;
        }
    }

    private static Registration Start(DateTimeOffset at) => Registration.StartDraft(
        Guid.NewGuid(), CandidateUserId, RegistrationChannel.Individual, null, 11, 2,
        IdDocumentType.ResidentIdCard, "510107199003071236", Candidate, at, Batch2);
}
