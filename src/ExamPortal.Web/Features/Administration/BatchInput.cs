using ExamPortal.Domain.Batches;

namespace ExamPortal.Web.Features.Administration;

/// <summary>The batch form as typed: kept whole when refused, so nothing typed is lost.</summary>
public sealed class BatchInput
{
    public int? Year { get; set; }
    public int? Number { get; set; }
    public DateOnly? RegistrationStart { get; set; }
    public DateOnly? RegistrationEnd { get; set; }
    public DateOnly? ReviewStart { get; set; }
    public DateOnly? ReviewEnd { get; set; }
    public DateOnly? PaymentStart { get; set; }
    public DateOnly? PaymentEnd { get; set; }
    public DateOnly? TicketPrintingStart { get; set; }
    public DateOnly? TicketPrintingEnd { get; set; }
    public DateOnly? ExamDate { get; set; }

    /// <summary>What the batch looked like when the form was opened; a different one on save means someone else changed it.</summary>
    public string? Stamp { get; set; }

    public List<PlanInput> Plans { get; set; } = [];

    public BatchDates Dates => new(Year ?? RegistrationStart?.Year ?? 0, RegistrationStart, RegistrationEnd, ReviewStart, ReviewEnd,
        PaymentStart, PaymentEnd, TicketPrintingStart, TicketPrintingEnd, ExamDate);
}

/// <summary>One project's row of the batch form: whether it runs in the batch, where and when.</summary>
public sealed class PlanInput
{
    public int ProjectId { get; set; }
    public bool Selected { get; set; }
    public string? Venue { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
}
