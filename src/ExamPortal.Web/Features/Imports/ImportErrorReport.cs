using System.Data;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// The rows that failed, as typed, with a last column saying what to change. It has the template's columns
/// and sheet name, so the institution fixes the rows in this very file and uploads it again; the reader
/// ignores the extra column.
/// </summary>
public static class ImportErrorReport
{
    public const string ErrorColumnHeader = "错误说明";

    public static byte[] Build(IEnumerable<ApplicantRow> failedRows)
    {
        ArgumentNullException.ThrowIfNull(failedRows);
        using var table = new DataTable();
        foreach (var column in ApplicantColumns.All)
        {
            table.Columns.Add(column.Header, typeof(string));
        }

        table.Columns.Add(ErrorColumnHeader, typeof(string));
        foreach (var row in failedRows)
        {
            table.Rows.Add(
            [
                .. ApplicantColumns.All.Select(c => row.RawValues.GetValueOrDefault(c.Header, string.Empty)),
                string.Join("；", row.Problems.Select(p => $"{p.Column}：{p.Message}")),
            ]);
        }

        using var written = new MemoryStream();
        written.SaveAs(table, sheetName: ApplicantTemplate.SheetName);
        var errorIndex = ApplicantColumns.All.Count;
        return XlsxPackage.Edit(written.ToArray(), package =>
        {
            // The IDs are written as text; the format keeps them text when the institution retypes one.
            var text = package.AddCellFormat(ApplicantTemplate.TextFormat, wrapText: false);
            var wrapped = package.AddCellFormat(0, wrapText: true);
            package.SetColumns(ApplicantTemplate.SheetName,
            [
                .. ApplicantColumns.All.Select(c => (c.Index, c.Width, c == ApplicantColumns.IdNumber ? text : (int?)null)),
                (errorIndex, 60d, wrapped),
            ]);
            package.StyleCells(ApplicantTemplate.SheetName, ApplicantColumns.IdNumber.Index, text);
            package.StyleCells(ApplicantTemplate.SheetName, errorIndex, wrapped);
        });
    }
}
