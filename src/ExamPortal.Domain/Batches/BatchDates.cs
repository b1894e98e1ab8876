namespace ExamPortal.Domain.Batches;

// A batch's dates as the centre typed them: any may be missing or out of order until BatchWindowsCheck passes them.
public sealed record BatchDates(
    int Year,
    DateOnly? RegistrationStart,
    DateOnly? RegistrationEnd,
    DateOnly? ReviewStart,
    DateOnly? ReviewEnd,
    DateOnly? PaymentStart,
    DateOnly? PaymentEnd,
    DateOnly? TicketPrintingStart,
    DateOnly? TicketPrintingEnd,
    DateOnly? ExamDate)
{
    public DateOnly? this[BatchDateField field] => field switch
    {
        BatchDateField.RegistrationStart => RegistrationStart,
        BatchDateField.RegistrationEnd => RegistrationEnd,
        BatchDateField.ReviewStart => ReviewStart,
        BatchDateField.ReviewEnd => ReviewEnd,
        BatchDateField.PaymentStart => PaymentStart,
        BatchDateField.PaymentEnd => PaymentEnd,
        BatchDateField.TicketPrintingStart => TicketPrintingStart,
        BatchDateField.TicketPrintingEnd => TicketPrintingEnd,
        BatchDateField.ExamDate => ExamDate,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "未知的批次日期"),
    };

    public static BatchDates Of(int year, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(year, schedule.Registration.Start, schedule.Registration.End, schedule.Review.Start, schedule.Review.End,
            schedule.Payment.Start, schedule.Payment.End, schedule.TicketPrinting.Start, schedule.TicketPrinting.End, schedule.ExamDate);
    }
}
