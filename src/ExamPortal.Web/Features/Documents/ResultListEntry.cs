namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One candidate's line of the 成绩公示. The list is public, so the name comes masked (张*三) and
/// the candidate finds themself by ticket number; the score is as printed (85.5, or 缺考).
/// </summary>
public sealed record ResultListEntry(string MaskedName, string TicketNumber, string Score, string Outcome);
