namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// A read applicant sheet. SheetProblems stop the whole file (wrong format, no header row, too many rows)
/// and then Rows is empty; otherwise each non-blank row is there with its own problems.
/// </summary>
public sealed record ApplicantSheet(IReadOnlyList<ApplicantRow> Rows, IReadOnlyList<string> SheetProblems)
{
    internal static ApplicantSheet Refused(params IReadOnlyList<string> problems) => new([], problems);
}

/// <summary>A problem with one cell: the column's header and a Chinese sentence saying what to change.</summary>
public sealed record RowProblem(string Column, string Message);
