using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// 未在规定时间内完成缴费的视为放弃报考: once batch 2's payment window (4/1–4/3) is over in China, the system
// abandons registrations still waiting for money. A receipt with finance is never abandoned.
public sealed class RegistrationAbandonTests
{
    private const string NotOverdue = "只有缴费期（2026年4月1日至4月3日）结束时仍未缴费或缴费被退回的报名才视为放弃报考";

    [Theory]
    [InlineData(RegistrationStatus.Approved, "2026-04-04T00:00:00+08:00", "缴费期（2026年4月1日至4月3日）内未提交缴费凭证，视为放弃报考")]
    [InlineData(RegistrationStatus.Approved, "2026-04-03T16:00:00Z", "缴费期（2026年4月1日至4月3日）内未提交缴费凭证，视为放弃报考")]
    [InlineData(RegistrationStatus.PaymentReturned, "2026-04-04T00:00:00+08:00", "缴费凭证被退回，缴费期（2026年4月1日至4月3日）内未重新提交，视为放弃报考")]
    [InlineData(RegistrationStatus.PaymentReturned, "2026-04-20T02:00:00+08:00", "缴费凭证被退回，缴费期（2026年4月1日至4月3日）内未重新提交，视为放弃报考")]
    public void A_registration_still_waiting_for_money_after_the_window_is_abandoned_by_the_system(RegistrationStatus status, string at, string note)
    {
        var registration = A.Registration().In(status).Build();
        var historyBefore = registration.History.Count;

        Assert.True(registration.IsPaymentOverdue(Instant(at), Batch2));
        registration.Abandon(Instant(at), Batch2);

        Assert.Equal(RegistrationStatus.Abandoned, registration.Status);
        Assert.False(registration.IsLive);
        Assert.Contains(RegistrationStatus.Abandoned, Registration.NotLiveStatuses);
        Assert.Equal(historyBefore + 1, registration.History.Count);
        var entry = registration.History[^1];
        Assert.Equal((RegistrationActions.Abandoned, (RegistrationStatus?)status, RegistrationStatus.Abandoned), (entry.Action, entry.From, entry.To));
        Assert.Equal(RegistrationEvent.SystemUserId, entry.ActorUserId);
        Assert.Null(entry.ActorRole);
        Assert.Equal(Instant(at), entry.At);
        Assert.Equal(note, entry.Note);
    }

    [Theory]
    [InlineData(RegistrationStatus.Approved, "2026-04-03T23:59:59+08:00")]
    [InlineData(RegistrationStatus.Approved, "2026-04-03T15:59:59Z")]
    [InlineData(RegistrationStatus.Approved, "2026-04-01T09:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentReturned, "2026-04-03T23:59:59+08:00")]
    public void Nothing_is_abandoned_while_the_payment_window_is_open_in_China(RegistrationStatus status, string at)
    {
        var registration = A.Registration().In(status).Build();
        var historyBefore = registration.History.Count;

        Assert.False(registration.IsPaymentOverdue(Instant(at), Batch2));
        var error = Assert.Throws<DomainRuleException>(() => registration.Abandon(Instant(at), Batch2));

        Assert.Equal(NotOverdue, error.Message);
        Assert.Equal(status, registration.Status);
        Assert.Equal(historyBefore, registration.History.Count);
    }

    [Theory]
    [InlineData(RegistrationStatus.PaymentSubmitted, "2026-04-04T00:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "2026-04-19T23:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "2026-04-30T00:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentConfirmed, "2026-04-04T00:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentConfirmed, "2026-04-30T00:00:00+08:00")]
    public void A_registration_whose_receipt_is_with_finance_or_confirmed_is_never_abandoned(RegistrationStatus status, string at)
    {
        var registration = A.Registration().In(status).Build();

        Assert.False(registration.IsPaymentOverdue(Instant(at), Batch2));
        var error = Assert.Throws<DomainRuleException>(() => registration.Abandon(Instant(at), Batch2));

        Assert.Equal(NotOverdue, error.Message);
        Assert.Equal(status, registration.Status);
        Assert.True(registration.IsLive);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Submitted)]
    [InlineData(RegistrationStatus.Returned)]
    [InlineData(RegistrationStatus.Rejected)]
    [InlineData(RegistrationStatus.ReturnExpired)]
    [InlineData(RegistrationStatus.Abandoned)]
    [InlineData(RegistrationStatus.Cancelled)]
    public void Registrations_never_approved_or_already_ended_are_not_abandoned(RegistrationStatus status)
    {
        var registration = A.Registration().In(status).Build();
        var at = Instant("2026-04-10T00:00:00+08:00");

        Assert.False(registration.IsPaymentOverdue(at, Batch2));
        Assert.Throws<DomainRuleException>(() => registration.Abandon(at, Batch2));
        Assert.Equal(status, registration.Status);
    }

    [Fact]
    public void An_abandoned_registration_can_no_longer_pay()
    {
        var builder = A.Registration().Submitted().Approved().Abandoned();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(registration)], OwnClaim(registration), Guid.NewGuid(), false, Candidate,
            Instant("2026-04-03T10:00:00+08:00"), Batch2));

        Assert.Equal("只有“审核通过”或“缴费退回”的报名可以缴费，本报名当前为“已放弃”", error.Message);
        Assert.Null(registration.NextStep(Instant("2026-04-04T10:00:00+08:00"), Batch2));
        Assert.Equal("已放弃（视为放弃报考）", RegistrationStatuses.PaymentStage(registration.Status));
    }
}
