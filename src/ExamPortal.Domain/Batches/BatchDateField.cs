namespace ExamPortal.Domain.Batches;

// The nine dates of a batch, named as the administration form names its inputs.
public enum BatchDateField
{
    RegistrationStart,
    RegistrationEnd,
    ReviewStart,
    ReviewEnd,
    PaymentStart,
    PaymentEnd,
    TicketPrintingStart,
    TicketPrintingEnd,
    ExamDate,
}
