using System.Text.RegularExpressions;
using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed partial class ResultListPdfTests(ITestOutputHelper output)
{
    // About 25 rows to a page after the headings. A deliberate layout change moves this number: take the
    // new one from the test output and look at the PDF.
    private const int ExpectedPagesFor80 = 4;

    private const double BottomMargin = 48;

    private const string Publicity =
        "公示期为2026年4月3日至2026年4月10日（5个工作日）。如对成绩有异议，请于公示期内登录报名平台在“我的报名”中提出，或拨打028-86156861。";

    private static readonly string[] HeaderRow = ["序号", "姓名", "准考证号", "成绩", "考核结果"];

    [Fact]
    public void TwoProjectsOfFortyRunOverPagesWithEveryCandidateOnceUnderARepeatedHeaderRow()
    {
        var list = CertificateSamples.Results(projects: 2, perProject: 40);

        var pdf = ResultListPdf.Build(list);
        DocumentArtifacts.Save(pdf, "result-list.pdf");

        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"{pdf.Length} bytes, {document.NumberOfPages} pages");
        Assert.Equal(ExpectedPagesFor80, document.NumberOfPages);
        Assert.Equal("2026年第3批专项职业能力省直统一考核成绩公示", ResultListPdf.Title(list));
        var first = document.GetPage(1).Text;
        foreach (var expected in new[]
                 {
                     "2026年第3批专项职业能力省直统一考核成绩公示", "考核日期：2026年3月28日", "成绩达60分（含）以上为合格", Publicity,
                     "大数据分析（40人）",
                 })
        {
            Assert.Contains(expected, first, StringComparison.Ordinal);
        }

        var tickets = new List<string>();
        var rows = new List<string>();
        foreach (var page in document.GetPages())
        {
            Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
            Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
            var text = page.Text;
            Assert.Contains($"第 {page.Number} 页 共 {ExpectedPagesFor80} 页", text, StringComparison.Ordinal);
            Assert.Equal(page.Number > 1, text.Contains("2026年第3批专项职业能力省直统一考核成绩公示（续）", StringComparison.Ordinal));
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.All(HeaderRow, caption => Assert.Contains(caption, words));
            Assert.Equal(page.Number == document.NumberOfPages, text.Contains("四川省职业技能鉴定指导中心2026年4月3日", StringComparison.Ordinal));
            var inBottomMargin = page.Letters.Where(l => l.BoundingBox.Bottom < BottomMargin && !string.IsNullOrWhiteSpace(l.Value));
            Assert.Equal($"第{page.Number}页共{ExpectedPagesFor80}页", string.Concat(inBottomMargin.Select(l => l.Value)));
            PdfLayout.AssertTextStaysInsideItsCells(page);

            var onPage = words.Where(w => TicketNumber().IsMatch(w)).ToList();
            output.WriteLine($"page {page.Number}: {onPage.Count} candidates");
            tickets.AddRange(onPage);
            rows.Add(text);
        }

        // Every candidate exactly once, project by project in the order given, whatever the page breaks.
        var entries = list.Projects.SelectMany(p => p.Entries).ToList();
        Assert.Equal(entries.Select(e => e.TicketNumber), tickets);

        // Each line reads as given: sequence, masked name, ticket number, score and result side by side.
        var all = string.Concat(rows);
        foreach (var project in list.Projects)
        {
            for (var i = 0; i < project.Entries.Count; i++)
            {
                var e = project.Entries[i];
                Assert.Contains($"{i + 1}{e.MaskedName}{e.TicketNumber}{e.Score}{e.Outcome}", all, StringComparison.Ordinal);
            }
        }

        Assert.Equal("张*三", entries[0].MaskedName);
        Assert.Contains("张*三", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains(entries, e => e.Score == "缺考");
        Assert.Contains(entries, e => e.Outcome == "不合格");

        // The second project opens under its own heading, and a page it runs onto says it goes on.
        Assert.Contains($"{CertificateSamples.SecondProject}（40人）", all, StringComparison.Ordinal);
        Assert.Contains($"{CertificateSamples.SecondProject}（续）", all, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRefusesAMissingList() =>
        Assert.Throws<ArgumentNullException>(() => ResultListPdf.Build(null!));

    [GeneratedRegex("^20260[0-9]{7}$")]
    private static partial Regex TicketNumber();
}
