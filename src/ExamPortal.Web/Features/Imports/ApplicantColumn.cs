namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// One column of the applicant sheet. The header text is the contract with the institution: the reader
/// finds columns by it, never by position. Aliases are the names institutions' own sheets commonly use.
/// </summary>
public sealed record ApplicantColumn(int Index, string Header, bool IsRequired, double Width, IReadOnlyList<string> Aliases)
{
    /// <summary>The column letter in the template and the error report (A for the first column).</summary>
    public string Letter => XlsxPackage.ColumnLetter(Index);
}
