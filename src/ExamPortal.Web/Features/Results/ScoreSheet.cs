using ExamPortal.Domain.Results;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// A read score sheet. A refusal stops the whole file (wrong format, no header row, too many rows) and then
/// Rows is empty; otherwise each non-blank row is there with its own problems.
/// </summary>
public sealed record ScoreSheet(IReadOnlyList<ScoreSheetRow> Rows, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    internal static ScoreSheet Refused(string refusal) => new([], refusal);
}

/// <summary>
/// One row of a score sheet as read, before it is compared with the plan's tickets. RowNumber is the row
/// number Excel shows; TicketNumber and FullName are normalised but kept even when they have problems, so
/// the report can name the row; Value is null when the score cell could not be read.
/// </summary>
public sealed record ScoreSheetRow(int RowNumber, string TicketNumber, string FullName, ScoreValue? Value, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
