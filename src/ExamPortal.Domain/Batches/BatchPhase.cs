namespace ExamPortal.Domain.Batches;

// Where a batch stands on a given day; the Awaiting* phases are the gaps before a window opens.
public enum BatchPhase
{
    NotYetOpen,
    Registration,
    AwaitingReview,
    Review,
    AwaitingPayment,
    Payment,
    AwaitingTicketPrinting,
    TicketPrinting,
    AwaitingExam,
    ExamDay,
    Examined,
}
