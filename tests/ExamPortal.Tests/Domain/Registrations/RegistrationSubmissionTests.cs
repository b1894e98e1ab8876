using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// What a submission must contain (section 四（二）2) and whom the project accepts (attachment 1), checked
// on the day of submission in Beijing time; and what a reviewer must write when refusing or returning.
public sealed class RegistrationSubmissionTests
{
    [Fact]
    public void UnderSixteenOnTheSubmissionDayIsRefused()
    {
        var builder = A.Registration().BornOn(D("2010-03-13"));
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("不符合本项目申报条件：未达到法定劳动年龄（年满16周岁），按出生日期计算，您在2026年3月12日为15周岁", error.Message);
        Assert.Equal(RegistrationStatus.Draft, registration.Status);
    }

    [Fact]
    public void SixteenOnTheSubmissionDayIsAccepted()
    {
        var builder = A.Registration().BornOn(D("2010-03-12"));
        var registration = builder.Build();

        registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
    }

    [Fact]
    public void AgeIsCountedOnTheBeijingDateOfSubmission()
    {
        var builder = A.Registration().BornOn(D("2010-03-12"));
        var lateOnTheEleventh = builder.Build();
        var justAfterMidnight = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => lateOnTheEleventh.Submit(Candidate, Instant("2026-03-11T15:59:00Z"), Batch2, builder.Rule));
        justAfterMidnight.Submit(Candidate, Instant("2026-03-11T16:30:00Z"), Batch2, builder.Rule);

        Assert.Contains("您在2026年3月11日为15周岁", error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Submitted, justAfterMidnight.Status);
    }

    [Fact]
    public void EducationBelowTheProjectsMinimumIsRefusedNamingTheRule()
    {
        var builder = A.Registration().ForProject("06").WithEducation(EducationLevel.HighSchool);
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("不符合本项目申报条件：本项目要求大学专科（或同等学历）及以上学历，您填写的是高中", error.Message);
    }

    [Fact]
    public void TheProjectsMinimumEducationIsAccepted()
    {
        var builder = A.Registration().ForProject("06").WithEducation(EducationLevel.JuniorCollege);
        var registration = builder.Build();

        registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
    }

    [Theory]
    [InlineData(DocumentSlot.Photo, "考生本人照片")]
    [InlineData(DocumentSlot.EducationProof, "学历或学籍证明")]
    [InlineData(DocumentSlot.IdCardBack, "身份证反面")]
    public void AMissingDocumentIsRefusedNamingTheSlot(DocumentSlot slot, string name)
    {
        var builder = A.Registration().WithoutDocument(slot);
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal($"还缺少：{name}，请补齐后再提交", error.Message);
        Assert.Equal(RegistrationStatus.Draft, registration.Status);
    }

    [Fact]
    public void AMissingCommitmentIsRefused()
    {
        var builder = A.Registration().WithoutCommitment();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("还缺少：个人诚信承诺确认，请补齐后再提交", error.Message);
    }

    [Fact]
    public void MissingDetailsAreRefused()
    {
        var builder = A.Registration().WithoutDetails();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("还缺少：个人信息、学历或学籍证明类型，请补齐后再提交", error.Message);
    }

    [Fact]
    public void AFreshDraftListsEverythingStillMissing()
    {
        var registration = A.Registration().WithoutDetails().WithoutCommitment()
            .WithoutDocument(DocumentSlot.Photo).WithoutDocument(DocumentSlot.ApplicationForm)
            .WithoutDocument(DocumentSlot.IntegrityCommitment).WithoutDocument(DocumentSlot.EducationProof)
            .WithoutDocument(DocumentSlot.IdCardFront).WithoutDocument(DocumentSlot.IdCardBack)
            .Build();

        Assert.Equal(
            ["个人信息", "考生本人照片", "个人申报表", "个人诚信承诺书", "学历或学籍证明", "身份证正面", "身份证反面", "学历或学籍证明类型", "个人诚信承诺确认"],
            registration.MissingForSubmission());
    }

    [Fact]
    public void PartialDetailsListTheBlankFields()
    {
        var registration = A.Registration().Build();

        registration.SaveDetails(
            new PersonalDetails { FullName = "张三", Gender = Gender.Male, BirthDate = D("1990-03-07"), Mobile = " " },
            Candidate, CreatedAt, Batch2);

        Assert.Equal(["手机号码", "联系地址", "学历或学籍证明类型"], registration.MissingForSubmission());
    }

    [Fact]
    public void ACompleteDraftMissesNothing()
    {
        Assert.Empty(A.Registration().Build().MissingForSubmission());
    }

    [Fact]
    public void ResubmissionIsCheckedAgainstTheRuleAgain()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();
        registration.SaveDetails(builder.Details with { Education = EducationLevel.JuniorHighOrBelow }, Candidate, ResubmittedAt, Batch2);

        var error = Assert.Throws<DomainRuleException>(() => registration.Resubmit(Candidate, ResubmittedAt, Batch2, builder.Rule));

        Assert.Equal("不符合本项目申报条件：本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下", error.Message);
        Assert.Equal(RegistrationStatus.Returned, registration.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RejectionNeedsAReason(string reason)
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Reject(Reviewer, ReviewedAt, Batch2, reason));

        Assert.Equal("请填写审核不通过的原因", error.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Null(registration.RejectReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ReturnNeedsAReason(string reason)
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Return(Reviewer, ReviewedAt, Batch2, reason, ["考生本人照片"]));

        Assert.Equal("请填写退回修改的原因", error.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
    }

    [Fact]
    public void ReturnNeedsAtLeastOneItemToChange()
    {
        var registration = A.Registration().Submitted().Build();

        var none = Assert.Throws<DomainRuleException>(() => registration.Return(Reviewer, ReviewedAt, Batch2, "照片不清晰", []));
        var blank = Assert.Throws<DomainRuleException>(() => registration.Return(Reviewer, ReviewedAt, Batch2, "照片不清晰", [" "]));

        Assert.Equal("请至少选择一项需要修改的信息或材料", none.Message);
        Assert.Equal("请至少选择一项需要修改的信息或材料", blank.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Empty(registration.ReturnedItems);
    }

    [Fact]
    public void AReasonLongerThanTheLimitIsRefused()
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Reject(Reviewer, ReviewedAt, Batch2, new string('长', 1001)));

        Assert.Equal("审核意见不能超过1000字，请精简", error.Message);
    }

    [Fact]
    public void RejectionKeepsTheTrimmedReason()
    {
        var registration = A.Registration().Submitted().Build();

        registration.Reject(Reviewer, ReviewedAt, Batch2, "  学历证明系伪造 ");

        Assert.Equal("学历证明系伪造", registration.RejectReason);
        Assert.Equal("学历证明系伪造", registration.History[^1].Note);
        Assert.Equal(ReviewedAt, registration.DecidedAt);
        Assert.False(registration.IsLive);
    }

    [Fact]
    public void ReturnKeepsTheReasonAndTheItemsToChange()
    {
        var registration = A.Registration().Submitted().Build();

        registration.Return(Reviewer, ReviewedAt, Batch2, " 照片不清晰 ", ["考生本人照片", " 身份证反面", "考生本人照片"]);

        Assert.Equal("照片不清晰", registration.ReturnReason);
        Assert.Equal(["考生本人照片", "身份证反面"], registration.ReturnedItems);
        Assert.Equal("照片不清晰（须修改：考生本人照片、身份证反面）", registration.History[^1].Note);
        Assert.Equal(ReviewedAt, registration.DecidedAt);
    }

    [Fact]
    public void ResubmissionClearsTheCurrentReturnButTheHistoryKeepsIt()
    {
        var registration = A.Registration().Submitted().Returned().Resubmitted().Build();

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Null(registration.ReturnReason);
        Assert.Empty(registration.ReturnedItems);
        Assert.Null(registration.DecidedAt);
        Assert.Equal(SubmittedAt, registration.SubmittedAt);
        Assert.Equal(ResubmittedAt, registration.LastSubmittedAt);
        Assert.Equal(
            ["Created", "Submitted", "Returned", "Resubmitted"],
            registration.History.Select(e => e.Action));
        Assert.Equal("照片不清晰（须修改：考生本人照片）", registration.History[2].Note);
    }

    [Fact]
    public void AResubmittedRegistrationCanBeReturnedAgainAndThenApproved()
    {
        var registration = A.Registration().Submitted().Returned().Resubmitted()
            .Then(r => r.Return(Reviewer, Instant("2026-03-23T10:00:00+08:00"), Batch2, "身份证反面缺失", ["身份证反面"]))
            .Then(r => r.Resubmit(Candidate, Instant("2026-03-24T10:00:00+08:00"), Batch2, A.Registration().Rule))
            .Then(r => r.Approve(Reviewer, Instant("2026-03-25T10:00:00+08:00"), Batch2, null))
            .Build();

        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Equal(
            [null, RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Returned, RegistrationStatus.Submitted,
                RegistrationStatus.Returned, RegistrationStatus.Submitted],
            registration.History.Select(e => e.From));
    }
}
