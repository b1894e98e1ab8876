using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Payments;

// 确认收费 and 缴费退回 by the centre's finance staff. A receipt may be decided after the payment window
// (4/1–4/3) closes, up to the day before ticket printing opens (4/20), so 2026-04-19 is the last day.
public sealed class PaymentDecisionTests
{
    private const string FinanceOnly = "只有省职鉴中心财务人员可以确认或退回缴费";
    private const string DeadlinePassed = "缴费确认已于2026年4月19日截止（打印准考证开始前一日），不能再处理";
    private const string Reason = "回单上的转账金额看不清，请重新上传清晰的回单";

    private static readonly DateTimeOffset DecidedAt = Instant("2026-04-03T15:00:00+08:00");

    [Fact]
    public void Finance_confirms_and_the_registration_is_paid_and_locked()
    {
        var (registration, payment) = Submitted();
        var historyBefore = registration.History.Count;

        var changed = payment.Confirm([registration], Finance, DecidedAt, Batch2);

        Assert.True(changed);
        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        Assert.Equal(DecidedAt, payment.DecidedAt);
        Assert.Equal("finance-1", payment.DecidedByUserId);
        Assert.Null(payment.ReturnReason);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.Equal(DecidedAt, registration.PaymentConfirmedAt);
        Assert.Equal(payment.Id, registration.PaymentId);
        Assert.True(registration.IsLocked);
        Assert.True(registration.IsLive);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal(
            (RegistrationActions.PaymentConfirmed, (RegistrationStatus?)RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentConfirmed),
            (entry.Action, entry.From, entry.To));
        Assert.Equal(("finance-1", (Role?)Role.CentreFinance, DecidedAt), (entry.ActorUserId, entry.ActorRole, entry.At));
        Assert.Equal("转账金额¥100.00，流水号SN20260402001", entry.Note);
    }

    [Theory]
    [InlineData("reviewer-1", Role.CentreReviewer)]
    [InlineData("admin-1", Role.CentreAdmin)]
    [InlineData("exam-1", Role.CentreExam)]
    [InlineData("candidate-1", Role.Candidate)]
    [InlineData("staff-1", Role.InstitutionStaff)]
    public void Only_finance_confirms_or_returns(string userId, Role role)
    {
        var (registration, payment) = Submitted();
        var by = new Actor(userId, role);

        var confirm = Assert.Throws<DomainRuleException>(() => payment.Confirm([registration], by, DecidedAt, Batch2));
        var giveBack = Assert.Throws<DomainRuleException>(() => payment.ReturnToPayer([registration], by, DecidedAt, Batch2, Reason));

        Assert.Equal(FinanceOnly, confirm.Message);
        Assert.Equal(FinanceOnly, giveBack.Message);
        Assert.False(payment.CanDecide(by, DecidedAt, Batch2));
        Assert.True(payment.CanDecide(Finance, DecidedAt, Batch2));
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
        Assert.Null(payment.DecidedAt);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
    }

    [Fact]
    public void Confirming_twice_changes_nothing_the_second_time()
    {
        var (registration, payment) = Submitted();
        payment.Confirm([registration], Finance, DecidedAt, Batch2);
        var history = registration.History.Count;

        var changed = payment.Confirm([registration], new Actor("finance-2", Role.CentreFinance), Instant("2026-04-05T09:00:00+08:00"), Batch2);

        Assert.False(changed);
        Assert.Equal(history, registration.History.Count);
        Assert.Single(registration.History, e => e.Action == RegistrationActions.PaymentConfirmed);
        Assert.Equal(DecidedAt, payment.DecidedAt);
        Assert.Equal("finance-1", payment.DecidedByUserId);
        Assert.Equal(DecidedAt, registration.PaymentConfirmedAt);
    }

    [Fact]
    public void A_receipt_submitted_at_the_last_minute_is_confirmed_after_the_window_closes()
    {
        var builder = A.Registration().Submitted().Approved();
        var registration = builder.Build();
        var payment = Payment.Submit(
            Guid.NewGuid(), [builder.Line(registration)], OwnClaim(registration) with { TransferDate = D("2026-04-03") },
            Guid.NewGuid(), false, Candidate, Instant("2026-04-03T23:59:00+08:00"), Batch2);
        var confirmedAt = Instant("2026-04-06T09:30:00+08:00");

        Assert.True(payment.Confirm([registration], Finance, confirmedAt, Batch2));

        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.Equal(confirmedAt, registration.PaymentConfirmedAt);
    }

    [Theory]
    [InlineData("2026-04-19T23:59:59+08:00")]
    [InlineData("2026-04-19T15:59:59Z")]
    public void Finance_may_decide_until_the_day_before_ticket_printing(string at)
    {
        var (registration, payment) = Submitted();

        Assert.True(payment.CanDecide(Finance, Instant(at), Batch2));
        payment.Confirm([registration], Finance, Instant(at), Batch2);

        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.Equal(D("2026-04-19"), Registration.PaymentDecisionDeadline(Batch2));
    }

    [Theory]
    [InlineData("2026-04-20T00:00:00+08:00")]
    [InlineData("2026-04-19T16:00:00Z")]
    [InlineData("2026-04-25T09:00:00+08:00")]
    public void Finance_may_not_decide_once_ticket_printing_has_begun(string at)
    {
        var (registration, payment) = Submitted();

        var confirm = Assert.Throws<DomainRuleException>(() => payment.Confirm([registration], Finance, Instant(at), Batch2));
        var giveBack = Assert.Throws<DomainRuleException>(() => payment.ReturnToPayer([registration], Finance, Instant(at), Batch2, Reason));

        Assert.Equal(DeadlinePassed, confirm.Message);
        Assert.Equal(DeadlinePassed, giveBack.Message);
        Assert.False(payment.CanDecide(Finance, Instant(at), Batch2));
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
    }

    [Fact]
    public void A_returned_payment_cannot_be_confirmed()
    {
        var builder = A.Registration().Submitted().Approved().PaymentReturned();
        var registration = builder.Build();
        var payment = builder.LastPayment!;

        var error = Assert.Throws<DomainRuleException>(() => payment.Confirm([registration], Finance, DecidedAt, Batch2));

        Assert.Equal("该缴费已是“缴费退回”，不能再处理", error.Message);
        Assert.Equal(PaymentStatus.Returned, payment.Status);
        Assert.Equal(RegistrationStatus.PaymentReturned, registration.Status);
        Assert.Null(registration.PaymentConfirmedAt);
    }

    [Fact]
    public void A_confirmed_payment_cannot_be_returned()
    {
        var builder = A.Registration().Submitted().Approved().PaymentConfirmed();
        var registration = builder.Build();
        var payment = builder.LastPayment!;

        var error = Assert.Throws<DomainRuleException>(() => payment.ReturnToPayer([registration], Finance, DecidedAt, Batch2, Reason));

        Assert.Equal("该缴费已是“确认收费”，不能再处理", error.Message);
        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
    }

    [Fact]
    public void Confirming_an_institution_receipt_confirms_every_applicant_on_it_and_no_other()
    {
        var builder = A.Registration().ThroughInstitution().Submitted().Approved();
        List<Registration> paid = [.. Enumerable.Range(1, 3).Select(i => builder.Named($"考生{i}").Build())];
        var unpaid = builder.Named("考生4").Build();
        var payment = Payment.Submit(
            Guid.NewGuid(), [.. paid.Select(builder.Line)], new PaymentClaim("成都某职业培训学校", 300m, D("2026-04-02"), "INST202604", false),
            Guid.NewGuid(), false, Staff, PaidAt, Batch2);

        payment.Confirm([.. paid, unpaid], Finance, DecidedAt, Batch2);

        Assert.All(paid, r => Assert.Equal(RegistrationStatus.PaymentConfirmed, r.Status));
        Assert.All(paid, r => Assert.Equal(DecidedAt, r.PaymentConfirmedAt));
        Assert.Equal(RegistrationStatus.Approved, unpaid.Status);
        Assert.DoesNotContain(unpaid.History, e => e.Action == RegistrationActions.PaymentConfirmed);
    }

    [Fact]
    public void A_registration_cancelled_while_its_payment_waited_is_left_cancelled_when_the_payment_is_confirmed()
    {
        var (registration, payment) = Submitted();
        registration.CancelWithPlan(Admin, Instant("2026-04-03T10:00:00+08:00"), CancelReason);

        payment.Confirm([registration], Finance, DecidedAt, Batch2);

        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Null(registration.PaymentConfirmedAt);
    }

    [Fact]
    public void Finance_returns_a_receipt_with_a_reason_that_the_registration_keeps()
    {
        var (registration, payment) = Submitted();
        var historyBefore = registration.History.Count;

        payment.ReturnToPayer([registration], Finance, DecidedAt, Batch2, "  " + Reason + " ");

        Assert.Equal(PaymentStatus.Returned, payment.Status);
        Assert.Equal(Reason, payment.ReturnReason);
        Assert.Equal(DecidedAt, payment.DecidedAt);
        Assert.Equal("finance-1", payment.DecidedByUserId);
        Assert.Equal(RegistrationStatus.PaymentReturned, registration.Status);
        Assert.Equal(Reason, registration.PaymentReturnReason);
        Assert.False(registration.IsLocked);
        Assert.True(registration.AwaitsPayment);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal(
            (RegistrationActions.PaymentReturned, (RegistrationStatus?)RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentReturned, Reason),
            (entry.Action, entry.From, entry.To, entry.Note));
        Assert.Equal(("按退回原因重新提交缴费凭证", D("2026-04-03")), registration.NextStep(DecidedAt, Batch2));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_return_needs_a_reason(string? reason)
    {
        var (registration, payment) = Submitted();

        var error = Assert.Throws<DomainRuleException>(() => payment.ReturnToPayer([registration], Finance, DecidedAt, Batch2, reason!));

        Assert.Equal("请填写退回原因，告诉缴费人需要改正什么", error.Message);
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
        Assert.Null(payment.ReturnReason);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
    }

    [Fact]
    public void A_return_reason_longer_than_a_thousand_characters_is_refused()
    {
        var (registration, payment) = Submitted();

        var error = Assert.Throws<DomainRuleException>(
            () => payment.ReturnToPayer([registration], Finance, DecidedAt, Batch2, new string('字', Registration.ReasonMaxLength + 1)));

        Assert.Equal("退回原因不能超过1000字，请精简", error.Message);
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
    }

    [Fact]
    public void A_returned_payer_submits_a_new_receipt_within_the_window()
    {
        var builder = A.Registration().Submitted().Approved().PaymentReturned();
        var registration = builder.Build();
        var returned = builder.LastPayment!;
        var again = Guid.NewGuid();
        var at = Instant("2026-04-03T20:00:00+08:00");

        var payment = Payment.Submit(
            again, [builder.Line(registration)], OwnClaim(registration) with { BankSerialNumber = "SN20260403002", TransferDate = D("2026-04-03") },
            Guid.NewGuid(), false, Candidate, at, Batch2);

        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Equal(again, registration.PaymentId);
        Assert.Null(registration.PaymentReturnReason);
        Assert.Equal(
            ((RegistrationStatus?)RegistrationStatus.PaymentReturned, RegistrationStatus.PaymentSubmitted),
            (registration.History[^1].From, registration.History[^1].To));
        Assert.Equal(PaymentStatus.Submitted, payment.Status);
        Assert.Equal(PaymentStatus.Returned, returned.Status);

        // The returned receipt stays returned; the new one is what finance decides.
        Assert.Throws<DomainRuleException>(() => returned.Confirm([registration], Finance, DecidedAt, Batch2));
        payment.Confirm([registration], Finance, Instant("2026-04-07T10:00:00+08:00"), Batch2);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
    }

    [Fact]
    public void A_returned_payer_may_not_submit_again_after_the_window()
    {
        var builder = A.Registration().Submitted().Approved().PaymentReturned();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(registration)], OwnClaim(registration), Guid.NewGuid(), false, Candidate,
            Instant("2026-04-04T00:00:00+08:00"), Batch2));

        Assert.Equal("本批次缴费时间为2026年4月1日至4月3日，现已截止；未在规定时间内完成缴费的视为放弃报考", error.Message);
        Assert.Equal(RegistrationStatus.PaymentReturned, registration.Status);
        Assert.Equal(PaymentReturnReason, registration.PaymentReturnReason);
    }

    // The current rule, pinned: finance may still return a receipt after the window (until 4/19), but the
    // payer can no longer replace it, so the registration is abandoned like one that never paid.
    [Fact]
    public void A_receipt_returned_after_the_window_cannot_be_replaced_and_the_registration_is_abandoned()
    {
        var builder = A.Registration().Submitted().Approved().PaymentSubmitted();
        var registration = builder.Build();
        var returnedAt = Instant("2026-04-06T10:00:00+08:00");

        builder.LastPayment!.ReturnToPayer([registration], Finance, returnedAt, Batch2, Reason);

        Assert.Null(registration.NextStep(returnedAt, Batch2));
        Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(registration)], OwnClaim(registration), Guid.NewGuid(), false, Candidate, returnedAt, Batch2));
        Assert.True(registration.IsPaymentOverdue(returnedAt, Batch2));
        registration.Abandon(returnedAt, Batch2);
        Assert.Equal(RegistrationStatus.Abandoned, registration.Status);
    }

    [Fact]
    public void Returning_an_institution_receipt_returns_every_applicant_on_it()
    {
        var builder = A.Registration().ThroughInstitution().Submitted().Approved();
        List<Registration> paid = [.. Enumerable.Range(1, 2).Select(i => builder.Named($"考生{i}").Build())];
        var payment = Payment.Submit(
            Guid.NewGuid(), [.. paid.Select(builder.Line)], new PaymentClaim("成都某职业培训学校", 200m, D("2026-04-02"), "INST202604", false),
            Guid.NewGuid(), false, Staff, PaidAt, Batch2);

        payment.ReturnToPayer(paid, Finance, DecidedAt, Batch2, "回单未备注考核日期和人数");

        Assert.All(paid, r => Assert.Equal(RegistrationStatus.PaymentReturned, r.Status));
        Assert.All(paid, r => Assert.Equal("回单未备注考核日期和人数", r.PaymentReturnReason));
    }

    private static (Registration Registration, Payment Payment) Submitted()
    {
        var builder = A.Registration().Submitted().Approved().PaymentSubmitted();
        var registration = builder.Build();
        return (registration, builder.LastPayment!);
    }
}
