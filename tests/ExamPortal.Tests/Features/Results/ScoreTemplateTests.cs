using System.Xml.Linq;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.Results;
using MiniExcelLibs;
using static ExamPortal.Tests.Features.Results.ScoreSheets;

namespace ExamPortal.Tests.Features.Results;

public sealed class ScoreTemplateTests
{
    private const string PlanTitle = "2026年第1批 碳排放交易";

    private static readonly byte[] Template = ScoreTemplate.Build(PlanTitle, [.. Plan.OrderBy(t => t.Key).Select(t => (t.Key, t.Value))]);

    [Fact]
    public void TheTemplateReadsBackAsThePlansTicketsEachWaitingForAScore()
    {
        var sheet = Read(Template);

        Assert.Null(sheet.Refusal);
        Assert.Equal([2, 3, 4, 5], sheet.Rows.Select(r => r.RowNumber));
        Assert.Equal(Plan.OrderBy(t => t.Key), sheet.Rows.Select(r => KeyValuePair.Create(r.TicketNumber, r.FullName)));
        Assert.All(sheet.Rows, r => Assert.Equal(["请填写成绩（0—100的数字，最多一位小数），未参加考核的填“缺考”"], r.Problems));

        var report = ScoreSheetCheck.Against(sheet, Plan);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Accepted);
        Assert.Equal(4, report.Problems.Count);
    }

    [Fact]
    public void TheFilledInTemplateIsAcceptedWhole()
    {
        var filled = XlsxPackage.Edit(Template, package =>
        {
            SetScore(package, 2, "85.5", isText: false);
            SetScore(package, 3, "缺考", isText: true);
            SetScore(package, 4, "59.9", isText: false);
            SetScore(package, 5, "60", isText: true);
        });

        var report = ScoreSheetCheck.Against(Read(filled), Plan);

        Assert.Empty(report.Problems);
        Assert.Equal(
            [(Ticket1, "85.5", "合格"), (Ticket2, "缺考", "缺考"), (Ticket3, "59.9", "不合格"), (Ticket4, "60", "合格")],
            report.Accepted.OrderBy(a => a.Key).Select(a => (a.Key, a.Value.ToString(), ExamOutcomes.DisplayName(ExamOutcomes.Of(a.Value)))));
    }

    [Fact]
    public void TicketNumbersAreTextCellsInATextColumn()
    {
        var inspection = new XlsxInspection(Template);
        var worksheet = inspection.Worksheet(ScoreTemplate.SheetName);

        var ticketCells = worksheet.Descendants(XlsxInspection.Main + "c")
            .Where(c => ((string)c.Attribute("r")!).StartsWith('A') && (string)c.Attribute("r")! != "A1").ToList();
        var ticketColumn = worksheet.Descendants(XlsxInspection.Main + "col").Single(c => (int)c.Attribute("min")! == 1);

        Assert.Equal(Plan.Count, ticketCells.Count);
        Assert.All(ticketCells, c => Assert.Equal("str", (string?)c.Attribute("t")));
        Assert.All(ticketCells, c => Assert.Equal(49, inspection.NumberFormatOf((int)c.Attribute("s")!)));
        Assert.Equal(49, inspection.NumberFormatOf((int)ticketColumn.Attribute("style")!));
    }

    [Fact]
    public void TheInstructionsSheetNamesThePlanAndHowToWriteScores()
    {
        var lines = MiniExcel.Query(new MemoryStream(Template), useHeaderRow: true, sheetName: ScoreTemplate.InstructionsSheetName)
            .Cast<IDictionary<string, object?>>().Select(r => (string)r["填写说明"]!).ToList();

        Assert.Equal([ScoreTemplate.SheetName, ScoreTemplate.InstructionsSheetName], MiniExcel.GetSheetNames(new MemoryStream(Template)));
        Assert.Equal([$"考核计划：{PlanTitle}（共4名考生）", .. ScoreTemplate.Instructions], lines);
        Assert.Contains("60分（含）以上为合格", lines[2], StringComparison.Ordinal);
        Assert.Contains("填写“缺考”", lines[2], StringComparison.Ordinal);
    }

    // Puts a value in the score column (C) of a template row, as Excel writes a typed number or text.
    private static void SetScore(XlsxPackage package, int row, string value, bool isText)
    {
        var main = XlsxPackage.Main;
        var rowElement = package.Worksheet(ScoreTemplate.SheetName).Descendants(main + "row").Single(r => (int)r.Attribute("r")! == row);
        rowElement.Elements(main + "c").Where(c => (string?)c.Attribute("r") == $"C{row}").Remove();
        var cell = new XElement(main + "c", new XAttribute("r", $"C{row}"), new XElement(main + "v", value));
        if (isText)
        {
            cell.SetAttributeValue("t", "str");
        }

        rowElement.Add(cell);
    }
}
