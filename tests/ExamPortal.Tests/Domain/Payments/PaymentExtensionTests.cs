using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Payments;

// 延长缴费期: a centre admin may move the end of batch 2's payment window (4/1–4/3) while it is open, to a
// day before ticket printing opens (4/20), giving a reason.
public sealed class PaymentExtensionTests
{
    private const string Reason = "银行系统故障，部分考生无法按时转账";

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public void Only_a_centre_admin_extends_the_payment_window(Role role)
    {
        Assert.Equal("只有省职鉴中心管理员可以延长缴费期", Batch2.PaymentExtensionRefusal(role, D("2026-04-02"), D("2026-04-10"), Reason));
    }

    [Theory]
    [InlineData("2026-04-04")]
    [InlineData("2026-04-15")]
    public void The_window_cannot_be_extended_once_it_has_ended(string today)
    {
        Assert.Equal(
            "缴费期已于2026年4月3日结束，已放弃的报名不能恢复，不能再延长",
            Batch2.PaymentExtensionRefusal(Role.CentreAdmin, D(today), D("2026-04-10"), Reason));
    }

    [Theory]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-02")]
    [InlineData("2026-03-31")]
    public void The_new_end_must_be_later_than_the_current_one(string newEnd)
    {
        Assert.Equal(
            "延长后的缴费截止日期须晚于现在的截止日期（2026年4月3日）",
            Batch2.PaymentExtensionRefusal(Role.CentreAdmin, D("2026-04-02"), D(newEnd), Reason));
    }

    [Theory]
    [InlineData("2026-04-20")]
    [InlineData("2026-04-25")]
    public void The_new_end_must_be_before_ticket_printing_opens(string newEnd)
    {
        Assert.Equal(
            "缴费截止日期须早于打印准考证开始日期（2026年4月20日），请选择更早的日期",
            Batch2.PaymentExtensionRefusal(Role.CentreAdmin, D("2026-04-02"), D(newEnd), Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_extension_needs_a_reason(string? reason)
    {
        Assert.Equal("请填写延长缴费期的原因", Batch2.PaymentExtensionRefusal(Role.CentreAdmin, D("2026-04-02"), D("2026-04-10"), reason));
    }

    [Theory]
    [InlineData("2026-03-20", "2026-04-10")]
    [InlineData("2026-04-01", "2026-04-04")]
    [InlineData("2026-04-03", "2026-04-19")]
    public void A_valid_extension_is_allowed_and_moves_only_the_end_of_the_payment_window(string today, string newEnd)
    {
        Assert.Null(Batch2.PaymentExtensionRefusal(Role.CentreAdmin, D(today), D(newEnd), Reason));

        var extended = Batch2.WithPaymentEnd(D(newEnd));

        Assert.Equal(new DateRange(D("2026-04-01"), D(newEnd)), extended.Payment);
        Assert.Equal(Batch2.Registration, extended.Registration);
        Assert.Equal(Batch2.Review, extended.Review);
        Assert.Equal(Batch2.TicketPrinting, extended.TicketPrinting);
        Assert.Equal(Batch2.ExamDate, extended.ExamDate);
        Assert.Equal(D("2026-04-03"), Batch2.Payment.End);
    }

    [Fact]
    public void A_payment_end_on_or_after_ticket_printing_is_not_a_valid_schedule()
    {
        Assert.Throws<DomainRuleException>(() => Batch2.WithPaymentEnd(D("2026-04-20")));
    }

    [Fact]
    public void After_an_extension_a_receipt_is_accepted_in_the_added_days_and_nobody_is_abandoned_early()
    {
        var extended = Batch2.WithPaymentEnd(D("2026-04-10"));
        var builder = A.Registration().Submitted().Approved();
        var paying = builder.Build();
        var waiting = builder.Build();
        var at = Instant("2026-04-08T10:00:00+08:00");
        var claim = OwnClaim(paying) with { TransferDate = D("2026-04-08") };

        Assert.Throws<DomainRuleException>(() => Payment.Submit(Guid.NewGuid(), [builder.Line(paying)], claim, Guid.NewGuid(), false, Candidate, at, Batch2));
        Payment.Submit(Guid.NewGuid(), [builder.Line(paying)], claim, Guid.NewGuid(), false, Candidate, at, extended);

        Assert.Equal(RegistrationStatus.PaymentSubmitted, paying.Status);
        Assert.False(waiting.IsPaymentOverdue(Instant("2026-04-10T23:59:59+08:00"), extended));
        Assert.True(waiting.IsPaymentOverdue(Instant("2026-04-11T00:00:00+08:00"), extended));
    }
}
