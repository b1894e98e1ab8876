using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Batches;

// The dates of one batch (attachment 2). Windows are whole days in China time, last day included.
public sealed class BatchSchedule
{
    private readonly (DateRange Window, BatchPhase Open, BatchPhase Awaiting, string Deadline)[] _windows;

    public BatchSchedule(DateRange registration, DateRange review, DateRange payment, DateRange ticketPrinting, DateOnly examDate)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(ticketPrinting);

        if (BatchWindowsCheck.OrderProblems(registration.Start, review.Start, payment.Start, payment.End, ticketPrinting.Start, ticketPrinting.End, examDate)
                .FirstOrDefault() is { } problem)
        {
            throw new DomainRuleException(problem.Message);
        }

        Registration = registration;
        Review = review;
        Payment = payment;
        TicketPrinting = ticketPrinting;
        ExamDate = examDate;
        _windows =
        [
            (registration, BatchPhase.Registration, BatchPhase.NotYetOpen, "报名截止"),
            (review, BatchPhase.Review, BatchPhase.AwaitingReview, "审核截止"),
            (payment, BatchPhase.Payment, BatchPhase.AwaitingPayment, "缴费截止"),
            (ticketPrinting, BatchPhase.TicketPrinting, BatchPhase.AwaitingTicketPrinting, "打印准考证截止"),
        ];
    }

    public DateRange Registration { get; }

    public DateRange Review { get; }

    public DateRange Payment { get; }

    public DateRange TicketPrinting { get; }

    public DateOnly ExamDate { get; }

    // A CentreAdmin may give payers more time, while the window is still open and before ticket printing begins.
    public string? PaymentExtensionRefusal(Role role, DateOnly today, DateOnly newEnd, string? reason) =>
        role != Role.CentreAdmin ? "只有省职鉴中心管理员可以延长缴费期"
        : today > Payment.End ? $"缴费期已于{ChineseText.Date(Payment.End)}结束，已放弃的报名不能恢复，不能再延长"
        : newEnd <= Payment.End ? $"延长后的缴费截止日期须晚于现在的截止日期（{ChineseText.Date(Payment.End)}）"
        : newEnd >= TicketPrinting.Start ? $"缴费截止日期须早于打印准考证开始日期（{ChineseText.Date(TicketPrinting.Start)}），请选择更早的日期"
        : string.IsNullOrWhiteSpace(reason) ? "请填写延长缴费期的原因"
        : null;

    public BatchSchedule WithPaymentEnd(DateOnly end) =>
        new(Registration, Review, new DateRange(Payment.Start, end), TicketPrinting, ExamDate);

    public static BatchSchedule From(BatchDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.Registration, definition.Review, definition.Payment, definition.TicketPrinting, definition.ExamDate);
    }

    // On a day two windows share, the earlier one wins: that registration is still open is what users need to know.
    public BatchPhase PhaseOn(DateOnly day)
    {
        foreach (var (window, open, awaiting, _) in _windows)
        {
            if (window.Contains(day))
            {
                return open;
            }

            if (day < window.Start)
            {
                return awaiting;
            }
        }

        return day < ExamDate ? BatchPhase.AwaitingExam
            : day == ExamDate ? BatchPhase.ExamDay
            : BatchPhase.Examined;
    }

    public BatchPhase PhaseAt(DateTimeOffset instant) => PhaseOn(ChinaTime.DateOf(instant));

    public bool IsRegistrationOpen(DateTimeOffset now) => Registration.Contains(now);

    public bool IsReviewOpen(DateTimeOffset now) => Review.Contains(now);

    public bool IsPaymentOpen(DateTimeOffset now) => Payment.Contains(now);

    public bool IsTicketPrintingOpen(DateTimeOffset now) => TicketPrinting.Contains(now);

    // The last day of the current window or, between windows, of the next one; then the exam; null once it is over.
    public (string What, DateOnly Date)? NextDeadline(DateOnly day)
    {
        foreach (var (window, _, _, deadline) in _windows)
        {
            if (day <= window.End)
            {
                return (deadline, window.End);
            }
        }

        return day <= ExamDate ? ("考试", ExamDate) : null;
    }
}
