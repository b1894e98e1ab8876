using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// 报名人数不足10人时，原则上不予组织考核: a centre admin may cancel a plan of batch 2 with fewer than ten
// registrants, once registration has closed (3/16) and before the exam day (4/25), giving a reason.
public sealed class PlanCancellationTests
{
    private const string Reason = "报名人数不足10人，不予组织考核";

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public void Only_a_centre_admin_cancels_a_plan(Role role)
    {
        var refusal = PlanViability.CancellationRefusal(new Actor("someone", role), Instant("2026-03-20T10:00:00+08:00"), Batch2, 3, false, Reason);

        Assert.Equal("只有省职鉴中心管理员可以取消考核计划", refusal);
    }

    [Theory]
    [InlineData("2026-03-10T10:00:00+08:00")]
    [InlineData("2026-03-16T23:59:59+08:00")]
    [InlineData("2026-03-16T15:59:59Z")]
    public void A_plan_is_not_cancelled_before_registration_has_closed(string at)
    {
        Assert.False(PlanViability.IsCountFinal(Instant(at), Batch2));
        Assert.Equal(
            "报名截止（2026年3月16日）后才能根据报名人数决定是否取消考核计划",
            PlanViability.CancellationRefusal(Admin, Instant(at), Batch2, 3, false, Reason));
    }

    [Theory]
    [InlineData("2026-04-25T00:00:00+08:00")]
    [InlineData("2026-04-24T16:00:00Z")]
    [InlineData("2026-05-01T10:00:00+08:00")]
    public void A_plan_is_not_cancelled_on_or_after_its_exam_day(string at)
    {
        Assert.Equal("考核日期已到，不能再取消该考核计划", PlanViability.CancellationRefusal(Admin, Instant(at), Batch2, 3, false, Reason));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(40)]
    public void A_plan_with_ten_or_more_registrants_goes_ahead(int registrants)
    {
        Assert.False(PlanViability.IsUnderMinimum(registrants));
        Assert.Equal(
            $"该考核计划有{registrants}人报名，已达10人，按公告应组织考核，不能取消",
            PlanViability.CancellationRefusal(Admin, Instant("2026-03-20T10:00:00+08:00"), Batch2, registrants, false, Reason));
    }

    [Theory]
    [InlineData(0, "2026-03-17T00:00:00+08:00")]
    [InlineData(1, "2026-03-16T16:00:00Z")]
    [InlineData(9, "2026-03-20T10:00:00+08:00")]
    [InlineData(9, "2026-04-24T23:59:59+08:00")]
    public void A_plan_under_ten_may_be_cancelled_with_a_reason_between_registration_close_and_the_exam(int registrants, string at)
    {
        Assert.True(PlanViability.IsUnderMinimum(registrants));
        Assert.True(PlanViability.IsCountFinal(Instant(at), Batch2));
        Assert.Null(PlanViability.CancellationRefusal(Admin, Instant(at), Batch2, registrants, false, Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancelling_needs_a_reason(string? reason)
    {
        Assert.Equal(
            "请填写取消原因，考生和报名机构会收到这一说明",
            PlanViability.CancellationRefusal(Admin, Instant("2026-03-20T10:00:00+08:00"), Batch2, 5, false, reason));
    }

    [Fact]
    public void A_reason_longer_than_a_thousand_characters_is_refused()
    {
        Assert.Equal(
            "取消原因不能超过1000字，请精简",
            PlanViability.CancellationRefusal(Admin, Instant("2026-03-20T10:00:00+08:00"), Batch2, 5, false, new string('因', 1001)));
    }

    [Fact]
    public void A_cancelled_plan_is_not_cancelled_again()
    {
        Assert.Equal("该考核计划已取消", PlanViability.CancellationRefusal(Admin, Instant("2026-03-20T10:00:00+08:00"), Batch2, 5, true, Reason));
    }

    [Fact]
    public void Drafts_and_ended_registrations_do_not_count_towards_the_minimum()
    {
        Assert.DoesNotContain(RegistrationStatus.Draft, PlanViability.CountedStatuses);
        Assert.All(Registration.NotLiveStatuses, s => Assert.DoesNotContain(s, PlanViability.CountedStatuses));
        Assert.Contains(RegistrationStatus.PaymentConfirmed, PlanViability.CountedStatuses);
        Assert.Contains(RegistrationStatus.TicketIssued, PlanViability.CountedStatuses);
        Assert.Equal(7, PlanViability.CountedStatuses.Count);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Submitted)]
    [InlineData(RegistrationStatus.Returned)]
    [InlineData(RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentSubmitted)]
    [InlineData(RegistrationStatus.PaymentReturned)]
    [InlineData(RegistrationStatus.PaymentConfirmed)]
    public void Every_live_registration_is_cancelled_with_the_plan_recording_where_it_stood(RegistrationStatus status)
    {
        var registration = A.Registration().In(status).Build();
        var historyBefore = registration.History.Count;
        var at = Instant("2026-04-08T10:00:00+08:00");

        registration.CancelWithPlan(Admin, at, "  " + Reason + " ");

        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Equal(status, registration.CancelledFrom);
        Assert.Equal(Reason, registration.CancelReason);
        Assert.False(registration.IsLive);
        Assert.False(registration.IsLocked);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal((RegistrationActions.Cancelled, (RegistrationStatus?)status, RegistrationStatus.Cancelled, Reason), (entry.Action, entry.From, entry.To, entry.Note));
        Assert.Equal(("admin-1", (Role?)Role.CentreAdmin, at), (entry.ActorUserId, entry.ActorRole, entry.At));
    }

    [Theory]
    [InlineData(RegistrationStatus.Rejected, "审核不通过")]
    [InlineData(RegistrationStatus.ReturnExpired, "逾期未修改")]
    [InlineData(RegistrationStatus.Abandoned, "已放弃")]
    [InlineData(RegistrationStatus.Cancelled, "考核计划取消")]
    public void An_ended_registration_is_not_cancelled(RegistrationStatus status, string shown)
    {
        var registration = A.Registration().In(status).Build();
        var historyBefore = registration.History.Count;
        var cancelledFrom = registration.CancelledFrom;

        var error = Assert.Throws<DomainRuleException>(() => registration.CancelWithPlan(Admin, Instant("2026-04-10T10:00:00+08:00"), Reason));

        Assert.Equal($"本报名已是“{shown}”，无需取消", error.Message);
        Assert.Equal(status, registration.Status);
        Assert.Equal(cancelledFrom, registration.CancelledFrom);
        Assert.Equal(historyBefore, registration.History.Count);
    }

    [Theory]
    [InlineData("reviewer-1", Role.CentreReviewer)]
    [InlineData("finance-1", Role.CentreFinance)]
    [InlineData("candidate-1", Role.Candidate)]
    public void Only_a_centre_admin_cancels_a_registration_with_its_plan(string userId, Role role)
    {
        var registration = A.Registration().In(RegistrationStatus.Approved).Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.CancelWithPlan(new Actor(userId, role), CancelledAt, Reason));

        Assert.Equal("只有省职鉴中心管理员可以取消考核计划", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancelling_a_registration_needs_a_reason(string reason)
    {
        var registration = A.Registration().In(RegistrationStatus.Approved).Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.CancelWithPlan(Admin, CancelledAt, reason));

        Assert.Equal("请填写取消考核计划的原因", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Null(registration.CancelledFrom);
    }
}
