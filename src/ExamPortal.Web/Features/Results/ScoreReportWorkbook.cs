using System.Data;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// The downloadable problem report of a score import: a line per problem with the row number of the
/// uploaded file, where the centre makes the fix, and a sheet of the plan's candidates the file did not list.
/// </summary>
public static class ScoreReportWorkbook
{
    public const string ProblemsSheetName = "问题报告";

    public const string MissingSheetName = "表中没有的考生";

    public const string RowNumberHeader = "行号";

    public const string ProblemHeader = "问题";

    public static byte[] Build(ScoreImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);

        using var problems = new DataTable();
        problems.Columns.Add(RowNumberHeader, typeof(int));
        problems.Columns.Add(ScoreSheetColumns.TicketNumber, typeof(string));
        problems.Columns.Add(ScoreSheetColumns.FullName, typeof(string));
        problems.Columns.Add(ProblemHeader, typeof(string));
        foreach (var problem in report.Problems.OrderBy(p => p.RowNumber))
        {
            problems.Rows.Add(problem.RowNumber, problem.TicketNumber, problem.FullName, problem.Message);
        }

        using var missing = new DataTable();
        missing.Columns.Add(ScoreSheetColumns.TicketNumber, typeof(string));
        missing.Columns.Add(ScoreSheetColumns.FullName, typeof(string));
        foreach (var candidate in report.Missing)
        {
            missing.Rows.Add(candidate.TicketNumber, candidate.FullName);
        }

        using var written = new MemoryStream();
        written.SaveAs(new Dictionary<string, object>
        {
            [ProblemsSheetName] = problems,
            [MissingSheetName] = missing,
        });

        return XlsxPackage.Edit(written.ToArray(), package =>
        {
            // Ticket numbers stay text, so Excel shows all twelve digits rather than 2.02601E+11.
            var text = package.AddCellFormat(ApplicantTemplate.TextFormat, wrapText: false);
            var wrapped = package.AddCellFormat(0, wrapText: true);
            package.SetColumns(ProblemsSheetName, [(0, 8, null), (1, 16, text), (2, 12, null), (3, 70, wrapped)]);
            package.StyleCells(ProblemsSheetName, 1, text);
            package.StyleCells(ProblemsSheetName, 3, wrapped);
            package.SetColumns(MissingSheetName, [(0, 16, text), (1, 12, null)]);
            package.StyleCells(MissingSheetName, 0, text);
        });
    }
}
