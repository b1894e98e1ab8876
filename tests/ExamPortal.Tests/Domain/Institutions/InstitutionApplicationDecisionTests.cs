using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Institutions.InstitutionApplicationTransitionTableTests;

namespace ExamPortal.Tests.Domain.Institutions;

public sealed class InstitutionApplicationDecisionTests
{
    private static readonly Actor Admin = new("admin-1", Role.CentreAdmin);
    private static readonly DateTimeOffset At = Instant("2026-02-06T11:00:00+08:00");

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.Candidate)]
    public void OnlyACentreAdministratorDecides(Role role)
    {
        var application = new ApplicationForm().Submit();
        var by = new Actor("user-1", role);

        Assert.False(application.CanDecide(by));
        var approve = Assert.Throws<DomainRuleException>(() => application.Approve(by, At));
        var reject = Assert.Throws<DomainRuleException>(() => application.Reject(by, At, "不符合条件"));

        Assert.Equal("只有省职鉴中心管理员可以审核报名机构申请", approve.Message);
        Assert.Equal(approve.Message, reject.Message);
        Assert.Equal(InstitutionApplicationStatus.Pending, application.Status);
        Assert.Single(application.History);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000\n")]
    public void AReasonIsRequiredToReject(string? reason)
    {
        var application = new ApplicationForm().Submit();

        var refused = Assert.Throws<DomainRuleException>(() => application.Reject(Admin, At, reason!));

        Assert.Equal("请填写未同意的原因，申请单位将据此了解情况或修改后重新申请", refused.Message);
        Assert.Equal(InstitutionApplicationStatus.Pending, application.Status);
        Assert.Null(application.RejectReason);
        Assert.Single(application.History);
    }

    [Fact]
    public void TheReasonIsTrimmedAndBounded()
    {
        var application = new ApplicationForm().Submit();
        var tooLong = new string('理', InstitutionApplication.ReasonMaxLength + 1);

        var refused = Assert.Throws<DomainRuleException>(() => application.Reject(Admin, At, tooLong));
        Assert.Equal("未同意的原因不能超过1000字，请精简", refused.Message);
        Assert.Equal(InstitutionApplicationStatus.Pending, application.Status);

        application.Reject(Admin, At, "  未提供主管部门推荐函 \n");
        Assert.Equal("未提供主管部门推荐函", application.RejectReason);
        Assert.Equal("未提供主管部门推荐函", application.History[^1].Note);
    }

    [Fact]
    public void TheHistoryKeepsTheWholeTrailInUtc()
    {
        var application = (new ApplicationForm() with { CreditCode = "91510107MA6CAQW8XM", ConfirmCheckMismatch = true }).Submit();

        application.Reject(Admin, At, "代码与营业执照不一致");

        Assert.Collection(
            application.History,
            created =>
            {
                Assert.Null(created.From);
                Assert.Equal(InstitutionApplicationStatus.Pending, created.To);
                Assert.Equal("anonymous", created.ActorUserId);
                Assert.Null(created.ActorRole);
                Assert.Equal(ApplicationForm.SubmittedAt, created.At);
                Assert.Equal("申请人确认统一社会信用代码与营业执照一致（校验位与计算结果不符）", created.Note);
            },
            rejected =>
            {
                Assert.Equal(InstitutionApplicationStatus.Pending, rejected.From);
                Assert.Equal(InstitutionApplicationStatus.Rejected, rejected.To);
                Assert.Equal("admin-1", rejected.ActorUserId);
                Assert.Equal(Role.CentreAdmin, rejected.ActorRole);
                Assert.Equal(Instant("2026-02-06T03:00:00Z"), rejected.At);
                Assert.Equal(TimeSpan.Zero, rejected.At.Offset);
                Assert.Equal("代码与营业执照不一致", rejected.Note);
            });
        Assert.All(application.History, e => Assert.Equal(application.Id, e.ApplicationId));
        Assert.Equal(application.History.Count, application.History.Select(e => e.Id).Distinct().Count());
        Assert.Equal(TimeSpan.Zero, application.DecidedAt!.Value.Offset);
    }

    [Fact]
    public void AnApprovedApplicationIsLinkedToItsInstitutionOnce()
    {
        var application = In(InstitutionApplicationStatus.Approved);
        var historyBefore = application.History.Count;

        application.LinkInstitution(42);

        Assert.Equal(42, application.InstitutionId);
        Assert.Equal(historyBefore, application.History.Count);
        var again = Assert.Throws<DomainRuleException>(() => application.LinkInstitution(43));
        Assert.Equal("这份申请已关联报名机构，不能再次关联", again.Message);
        Assert.Equal(42, application.InstitutionId);
    }

    [Theory]
    [InlineData(InstitutionApplicationStatus.Pending, "待审核")]
    [InlineData(InstitutionApplicationStatus.Rejected, "未同意")]
    public void OnlyAnApprovedApplicationIsLinked(InstitutionApplicationStatus state, string displayName)
    {
        var application = In(state);

        var refused = Assert.Throws<DomainRuleException>(() => application.LinkInstitution(42));

        Assert.Equal($"只有“已同意”的申请可以关联报名机构，这份申请当前为“{displayName}”", refused.Message);
        Assert.Null(application.InstitutionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AnInstitutionIdIsPositive(int institutionId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => In(InstitutionApplicationStatus.Approved).LinkInstitution(institutionId));
}
