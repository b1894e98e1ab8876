using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;

namespace ExamPortal.Web.Data.Entities;

/// <summary>One monthly sitting of the unified assessment (考核批次) with its windows.</summary>
public sealed class Batch
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public DateOnly RegistrationStart { get; set; }
    public DateOnly RegistrationEnd { get; set; }
    public DateOnly ReviewStart { get; set; }
    public DateOnly ReviewEnd { get; set; }
    public DateOnly PaymentStart { get; set; }
    public DateOnly PaymentEnd { get; set; }
    public DateOnly TicketPrintingStart { get; set; }
    public DateOnly TicketPrintingEnd { get; set; }
    public DateOnly ExamDate { get; set; }

    public List<ExamPlan> Plans { get; } = [];

    public string Title => TitleOf(Year, Number);

    public static string TitleOf(int year, int number) => $"{year}年第{number}批";

    public BatchSchedule Schedule => new(
        new DateRange(RegistrationStart, RegistrationEnd),
        new DateRange(ReviewStart, ReviewEnd),
        new DateRange(PaymentStart, PaymentEnd),
        new DateRange(TicketPrintingStart, TicketPrintingEnd),
        ExamDate);
}
