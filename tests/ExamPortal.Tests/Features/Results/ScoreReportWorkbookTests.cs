using ExamPortal.Tests.Features.Imports;
using ExamPortal.Web.Features.Results;
using MiniExcelLibs;
using static ExamPortal.Tests.Features.Results.ScoreSheets;

namespace ExamPortal.Tests.Features.Results;

public sealed class ScoreReportWorkbookTests
{
    private static readonly ScoreImportReport Report = Check(
        [Ticket1, "张三", 80d],
        [Ticket2, "张三", 100.5],
        ["202601180001", "赵六", 70d]);

    [Fact]
    public void TheProblemsSheetListsEachProblemWithItsRowTicketAndName()
    {
        var rows = Rows(ScoreReportWorkbook.Build(Report), ScoreReportWorkbook.ProblemsSheetName);

        Assert.Equal(["行号", "准考证号", "姓名", "问题"], rows[0].Keys);
        Assert.Equal(
        [
            (3d, Ticket2, "张三", "姓名与准考证不符（准考证上为李四）：请核对该行的准考证号和姓名"),
            (3d, Ticket2, "张三", "成绩100.5超出0—100的范围，请核对"),
            (4d, "202601180001", "赵六", "准考证号不在本考核计划中：请核对准考证号，并确认上传到了正确的考核计划"),
        ], rows.Select(r => (Convert.ToDouble(r["行号"], System.Globalization.CultureInfo.InvariantCulture), (string)r["准考证号"]!, (string)r["姓名"]!, (string)r["问题"]!)));
    }

    [Fact]
    public void TheMissingSheetListsThePlansCandidatesTheFileDidNotName()
    {
        var rows = Rows(ScoreReportWorkbook.Build(Report), ScoreReportWorkbook.MissingSheetName);

        Assert.Equal(
            [(Ticket3, "王五"), (Ticket4, "John Smith")],
            rows.Select(r => ((string)r["准考证号"]!, (string)r["姓名"]!)));
    }

    [Fact]
    public void TicketNumbersAreTextCellsSoExcelShowsAllTwelveDigits()
    {
        var inspection = new XlsxInspection(ScoreReportWorkbook.Build(Report));

        var problemTickets = TextCells(inspection, ScoreReportWorkbook.ProblemsSheetName, 'B');
        var missingTickets = TextCells(inspection, ScoreReportWorkbook.MissingSheetName, 'A');

        Assert.Equal(3, problemTickets.Count);
        Assert.Equal(2, missingTickets.Count);
        Assert.All(problemTickets.Concat(missingTickets), c => Assert.Equal(("str", 49), ((string?)c.Attribute("t"), inspection.NumberFormatOf((int)c.Attribute("s")!))));
    }

    [Fact]
    public void AReportWithNothingToSayStillHasItsHeaders()
    {
        var empty = Check([Ticket1, "张三", 80d], [Ticket2, "李四", 80d], [Ticket3, "王五", 80d], [Ticket4, "John Smith", 80d]);

        var xlsx = ScoreReportWorkbook.Build(empty);

        Assert.Equal([ScoreReportWorkbook.ProblemsSheetName, ScoreReportWorkbook.MissingSheetName], MiniExcel.GetSheetNames(new MemoryStream(xlsx)));
        var header = (IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(xlsx), sheetName: ScoreReportWorkbook.ProblemsSheetName).Single();
        Assert.Equal(["行号", "准考证号", "姓名", "问题"], header.Values);
    }

    private static List<IDictionary<string, object?>> Rows(byte[] xlsx, string sheetName) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: sheetName).Cast<IDictionary<string, object?>>()];

    private static List<System.Xml.Linq.XElement> TextCells(XlsxInspection inspection, string sheetName, char column) =>
        [.. inspection.Worksheet(sheetName).Descendants(XlsxInspection.Main + "c")
            .Where(c => ((string)c.Attribute("r")!)[0] == column && (string)c.Attribute("r")! != $"{column}1")];
}
