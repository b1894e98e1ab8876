namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// The centre's change to a batch's 成绩公示 dates, with its reason. Without a row the dates are the defaults
/// computed from the exam date and the working-day calendar (ResultDates.Default).
/// </summary>
public sealed class ResultPublication
{
    public int BatchId { get; set; }
    public DateOnly PublicationDate { get; set; }
    public DateOnly PublicityEnd { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedByUserId { get; set; }
}
