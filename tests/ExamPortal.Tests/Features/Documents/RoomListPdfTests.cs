using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class RoomListPdfTests(ITestOutputHelper output)
{
    // About thirty rows fit a page. A deliberate layout change moves this number: take the new one
    // from the test output and look at the PDF.
    private const int ExpectedPagesForTwoRoomsOf35 = 3;

    private const double BottomMargin = 48;

    private static readonly string[] HeaderRow = ["座位号", "准考证号", "姓名", "证件号码", "报名来源"];

    [Fact]
    public void TwoRoomsAreListedUnderTheirOwnHeadingsWithTheHeaderRowOnEveryPage()
    {
        var plan = TicketSamples.Plan(35, 35);

        var pdf = RoomListPdf.Build([plan]);
        DocumentArtifacts.Save(pdf, "room-list.pdf");

        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"{pdf.Length} bytes, {document.NumberOfPages} pages");
        Assert.Equal(ExpectedPagesForTwoRoomsOf35, document.NumberOfPages);
        var first = document.GetPage(1).Text;
        foreach (var expected in new[]
                 {
                     "考场安排表", "考核批次：2026年第3批", "考核项目：大数据分析", "考核日期：2026年3月28日（星期六）", "考核时间：09:00—11:00",
                     $"考点：{TicketSamples.Venue}", "考场数：2个", "考生人数：70人", "第01考场（35人）",
                 })
        {
            Assert.Contains(expected, first, StringComparison.Ordinal);
        }

        var tickets = new List<string>();
        foreach (var page in document.GetPages())
        {
            Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
            Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.All(HeaderRow, caption => Assert.Contains(caption, words));
            Assert.Contains($"第 {page.Number} 页 共 {document.NumberOfPages} 页", page.Text, StringComparison.Ordinal);
            Assert.Equal($"第{page.Number}页共{document.NumberOfPages}页", string.Concat(page.Letters.Where(l => l.BoundingBox.Bottom < BottomMargin && !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value)));
            PdfLayout.AssertTextStaysInsideItsCells(page);
            tickets.AddRange(TicketNumbers(page));
        }

        // Each room has its heading once, and a page that goes on with a room says so.
        var all = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Single(AllIndexes(all, "第02考场（35人）"));
        Assert.Contains("（续）", document.GetPage(2).Text, StringComparison.Ordinal);
        Assert.Contains("个人报名", all, StringComparison.Ordinal);
        Assert.Contains(TicketSamples.Institution, all, StringComparison.Ordinal);
        Assert.Equal(plan.Entries.Select(e => e.TicketNumber), tickets);
        var allWords = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        Assert.All(plan.Entries, e => Assert.Contains(e.MaskedIdNumber, allWords));
    }

    [Fact]
    public void CandidatesGivenInAnyOrderAreGroupedByRoomAndListedBySeat()
    {
        var plan = TicketSamples.Plan(6, 4);
        var shuffled = plan with { Entries = [.. plan.Entries.Reverse().Where((_, i) => i % 2 == 0), .. plan.Entries.Reverse().Where((_, i) => i % 2 == 1)] };

        using var document = PdfDocument.Open(RoomListPdf.Build([shuffled]));

        var page = Assert.Single(document.GetPages());
        Assert.Equal(shuffled.Entries.GroupBy(e => e.RoomName).SelectMany(g => g.OrderBy(e => e.Seat)).Select(e => e.TicketNumber), TicketNumbers(page));
        Assert.Contains("第02考场（4人）", page.Text, StringComparison.Ordinal);
        Assert.Contains("第01考场（6人）", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongInstitutionNameWrapsInsideItsCell()
    {
        var plan = TicketSamples.Plan(3);
        const string longName = "四川省成都市某某区某某职业技能培训学校有限责任公司（第二培训中心）";
        plan = plan with { Entries = [.. plan.Entries.Select(e => e with { Source = longName })] };

        var pdf = RoomListPdf.Build([plan]);
        DocumentArtifacts.Save(pdf, "room-list-long-source.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        PdfLayout.AssertTextStaysInsideItsCells(page);
        Assert.Equal(3, AllIndexes(page.Text, longName).Count);
    }

    [Fact]
    public void EachPlanIsNumberedFromItsOwnFirstPage()
    {
        var pdf = RoomListPdf.Build([TicketSamples.Plan(35, 35), TicketSamples.Plan(5)]);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(ExpectedPagesForTwoRoomsOf35 + 1, document.NumberOfPages);
        Assert.Contains($"第 1 页 共 {ExpectedPagesForTwoRoomsOf35} 页", document.GetPage(1).Text, StringComparison.Ordinal);
        var last = document.GetPage(document.NumberOfPages);
        Assert.Contains("第 1 页 共 1 页", last.Text, StringComparison.Ordinal);
        Assert.Contains("考生人数：5人", last.Text, StringComparison.Ordinal);
        Assert.Single(last.Letters, l => l.Value == "共");
    }

    [Fact]
    public void AddPlanRefusesAMissingDocumentOrPlan()
    {
        using var document = FormDocument.Create(RoomListPdf.Title);
        Assert.Throws<ArgumentNullException>(() => RoomListPdf.AddPlan(null!, TicketSamples.Plan(1)));
        Assert.Throws<ArgumentNullException>(() => RoomListPdf.AddPlan(document, null!));
        Assert.Equal(0, document.PageCount);
    }

    private static List<string> TicketNumbers(Page page) =>
        [.. page.GetWords()
            .Where(w => w.Text.Length == 12 && w.Text.All(char.IsAsciiDigit))
            .OrderByDescending(w => w.BoundingBox.Top)
            .Select(w => w.Text)];

    private static List<int> AllIndexes(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }
}
