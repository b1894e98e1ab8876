using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// The 成绩公示 as an .xlsx, for the centre to post on its website and for institutions to sort and
/// filter: one sheet, one row per candidate under a header row, so it reads back as a plain table.
/// Each row carries its project and the publicity period, so a filtered or copied row still says
/// which list it came from and until when it can be objected to.
/// </summary>
public static class ResultListWorkbook
{
    public const string Sheet = "成绩公示";

    public static byte[] Build(ResultList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var period = ResultListPdf.PublicityPeriod(list);
        var rows = list.Projects.SelectMany(project => project.Entries.Select((entry, i) => new ResultRow(
            project.ProjectName, i + 1, entry.MaskedName, entry.TicketNumber, entry.Score, entry.Outcome, period)));
        var sheets = new Dictionary<string, object> { [Sheet] = rows };
        using var output = new MemoryStream();
        output.SaveAs(sheets, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });
        return output.ToArray();
    }

    // As in RosterWorkbook, strings are text cells formatted "@": a ticket number edited in Excel stays
    // text instead of turning into a number, and a score stays as printed ("85.5", "缺考").
    private sealed record ResultRow(
        [property: ExcelColumn(Name = "考核项目", Width = 28)] string ProjectName,
        [property: ExcelColumn(Name = "序号", Width = 6)] int Sequence,
        [property: ExcelColumn(Name = "姓名", Width = 10)] string MaskedName,
        [property: ExcelColumn(Name = "准考证号", Width = 16, Format = "@")] string TicketNumber,
        [property: ExcelColumn(Name = "成绩", Width = 8, Format = "@")] string Score,
        [property: ExcelColumn(Name = "考核结果", Width = 10)] string Outcome,
        [property: ExcelColumn(Name = "公示期", Width = 30)] string PublicityPeriod);
}
