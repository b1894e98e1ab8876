using System.Diagnostics;
using System.Globalization;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class RosterPdfTests(ITestOutputHelper output)
{
    // Most sample rows take two lines (36 pt; a one-line row is 23 pt), so about twelve fit a page. A
    // deliberate layout change moves this number: take the new one from the test output and the PDF.
    private const int ExpectedPagesFor500 = 44;

    // The sequence numbers are the only numbers whose left edge is in the first column (36–66 pt).
    private const double FirstColumnLeft = 36;
    private const double FirstColumnRight = 66;

    private static readonly string[] HeaderRow = ["序号", "姓名", "性别", "证件类型", "证件号码", "手机号码", "文化程度", "申报项目", "申报条件", "工作单位"];

    [Fact]
    public void TheRosterIsLandscapeA4WithTheSubmissionAboveTheTableAndEveryIdNumberInFull()
    {
        var data = SubmissionSamples.Submission(6);

        var pdf = RosterPdf.Build(data);
        DocumentArtifacts.Save(pdf, "roster.pdf");

        output.WriteLine($"{pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((842, 595), (Math.Round(page.Width), Math.Round(page.Height)));
        Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
        var text = page.Text;
        foreach (var expected in new[]
                 {
                     "考核人员花名册", "报名机构：四川某某职业技术学院", "统一社会信用代码：12510000MB1234567X", "考核批次：2026年第3批",
                     "考核日期：2026年5月16日", "报名人数：6人", "提交编号：SB2026030017", "提交时间：2026年4月20日 10:30", "提交人：李经办",
                     "合计：6人", "报名机构（盖章）", "经办人签字", "日期", "第 1 页 共 1 页",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.All(data.Entries, entry => Assert.Contains(entry.FullName, text, StringComparison.Ordinal));

        // Whole words: an ID number is never broken over two lines of its cell.
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Contains(SubmissionSamples.IdEndingInX, words);
        Assert.Contains(SubmissionSamples.IdAllDigits, words);
        Assert.Contains(data.Entries[5].IdNumber, words);
        Assert.Equal(Enumerable.Range(1, 6), Sequences(page));
        PdfLayout.AssertTextStaysInsideItsCells(page);
    }

    [Fact]
    public void ALongConditionWrapsInsideItsCellAndTheRowGrows()
    {
        var longest = Announcement2026.Projects.MaxBy(p => p.Eligibility.Wording.Length)!;
        var submission = SubmissionSamples.Submission(3);
        var data = submission with
        {
            Entries = [.. submission.Entries.Select(e => e with { ProjectName = longest.Name, Condition = longest.Eligibility.Wording })],
        };

        var pdf = RosterPdf.Build(data);
        DocumentArtifacts.Save(pdf, "roster-long-conditions.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        PdfLayout.AssertTextStaysInsideItsCells(page);
        Assert.Contains(longest.Eligibility.Wording.Replace("\n", string.Empty, StringComparison.Ordinal), page.Text, StringComparison.Ordinal);

        // The row is as tall as its wrapped 申报条件: many times a row of one line (23 pt).
        Assert.InRange(PdfLayout.CellHeights(page).Max(), 150, 400);
    }

    [Fact]
    public void FiveHundredApplicantsRunOverPagesWithTheHeaderRowAndPageNumbersOnEveryPage()
    {
        var data = SubmissionSamples.Submission(500);
        RosterPdf.Build(SubmissionSamples.Submission(1)); // loading the font and JIT are not the roster's cost

        var clock = Stopwatch.StartNew();
        var pdf = RosterPdf.Build(data);
        clock.Stop();
        DocumentArtifacts.Save(pdf, "roster-500.pdf");

        output.WriteLine($"500 entries: {clock.ElapsedMilliseconds} ms, {pdf.Length} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"{document.NumberOfPages} pages");
        Assert.Equal(ExpectedPagesFor500, document.NumberOfPages);
        var sequences = new List<int>();
        foreach (var page in document.GetPages())
        {
            Assert.Equal((842, 595), (Math.Round(page.Width), Math.Round(page.Height)));
            var words = page.GetWords().Select(w => w.Text).ToHashSet();
            Assert.All(HeaderRow, caption => Assert.Contains(caption, words));
            Assert.Contains($"第 {page.Number} 页 共 {document.NumberOfPages} 页", page.Text, StringComparison.Ordinal);
            Assert.Equal(page.Number == document.NumberOfPages, page.Text.Contains("报名机构（盖章）", StringComparison.Ordinal));

            // Nothing but the page number is drawn in the bottom margin: rows break before it.
            var inBottomMargin = page.Letters.Where(l => l.BoundingBox.Bottom < 48 && !string.IsNullOrWhiteSpace(l.Value));
            Assert.Equal($"第{page.Number}页共{document.NumberOfPages}页", string.Concat(inBottomMargin.Select(l => l.Value)));
            PdfLayout.AssertTextStaysInsideItsCells(page);
            sequences.AddRange(Sequences(page));
        }

        // Every applicant exactly once, in the order given, whatever the page breaks.
        Assert.Equal(Enumerable.Range(1, 500), sequences);
    }

    private static IEnumerable<int> Sequences(Page page) =>
        page.GetWords()
            .Where(InFirstColumn)
            .OrderByDescending(w => w.BoundingBox.Top)
            .Select(w => int.Parse(w.Text, CultureInfo.InvariantCulture));

    private static bool InFirstColumn(Word word) =>
        word.BoundingBox.Left >= FirstColumnLeft && word.BoundingBox.Left < FirstColumnRight && int.TryParse(word.Text, CultureInfo.InvariantCulture, out _);
}
