using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class SignInSheetPdfTests(ITestOutputHelper output)
{
    // Nine photo rows fit a page. A deliberate layout change moves this number: take the new one from
    // the test output and look at the PDF.
    private const int ExpectedPagesFor35 = 4;

    private const double BottomMargin = 48;

    private static readonly string[] HeaderRow = ["座位号", "照片", "姓名", "准考证号", "证件号码", "考生签名"];

    [Fact]
    public void AThirtyFiveCandidateRoomRunsOverPagesEachHeadedWithTheSittingAndNumberedWithinTheRoom()
    {
        var room = TicketSamples.Room(1, 35);

        var pdf = SignInSheetPdf.Build([room]);
        DocumentArtifacts.Save(pdf, "sign-in-sheet.pdf");

        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"{pdf.Length} bytes, {document.NumberOfPages} pages");
        Assert.Equal(ExpectedPagesFor35, document.NumberOfPages);
        var tickets = new List<string>();
        foreach (var page in document.GetPages())
        {
            Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
            Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
            var text = page.Text;
            foreach (var expected in new[]
                     {
                         "考生签到册", "考核批次：2026年第3批", "考核项目：大数据分析", "考核日期：2026年3月28日（星期六）", "考核时间：09:00—11:00",
                         $"考点：{TicketSamples.Venue}", "考场：第01考场", $"第 {page.Number} 页 共 {ExpectedPagesFor35} 页",
                     })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            var words = page.GetWords().Select(w => w.Text).ToHashSet();
            Assert.All(HeaderRow, caption => Assert.Contains(caption, words));
            var onPage = TicketNumbers(page);
            output.WriteLine($"page {page.Number}: {onPage.Count} candidates");
            Assert.InRange(onPage.Count, 8, 10);

            // One photo per candidate, beside their line.
            Assert.Equal(onPage.Count, page.GetImages().Count());
            Assert.Equal(page.Number == document.NumberOfPages, text.Contains("应到 35 人", StringComparison.Ordinal));
            Assert.Equal(page.Number == document.NumberOfPages, text.Contains("监考员签名", StringComparison.Ordinal));
            Assert.DoesNotContain(page.Letters, l => l.BoundingBox.Bottom < BottomMargin && !string.IsNullOrWhiteSpace(l.Value));
            PdfLayout.AssertTextStaysInsideItsCells(page);
            tickets.AddRange(onPage);
        }

        // Every candidate exactly once, in seat order, whatever the page breaks.
        Assert.Equal(room.Entries.Select(e => e.TicketNumber), tickets);
        var allWords = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        Assert.All(room.Entries, e => Assert.Contains(e.MaskedIdNumber, allWords)); // on one line, not broken
    }

    [Fact]
    public void ThePhotosGoInAsUploadedAtTwentyOneMillimetresAndAMissingOneSaysSo()
    {
        var room = TicketSamples.Room(3, 3);
        room = room with { Entries = [room.Entries[0], room.Entries[1] with { Photo = null }, room.Entries[2]] };

        var pdf = SignInSheetPdf.Build([room]);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        var images = page.GetImages().ToList();
        Assert.Equal([room.Entries[0].Photo!, room.Entries[2].Photo!], images.Select(i => i.RawBytes.ToArray())); // byte for byte
        Assert.All(images, i => Assert.InRange(i.BoundingBox.Height, 59, 60)); // 21 mm
        Assert.Contains("无照片", page.Text, StringComparison.Ordinal);
        Assert.Contains("应到 3 人", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RoomsAddedToOneDocumentAreEachNumberedFromTheirOwnFirstPage()
    {
        using var document = FormDocument.Create(SignInSheetPdf.Title);
        SignInSheetPdf.AddRoom(document, TicketSamples.Room(1, 12));
        Assert.Equal(2, document.PageCount);
        SignInSheetPdf.AddRoom(document, TicketSamples.Room(2, 5));
        var pdf = FormDocument.Save(document);
        DocumentArtifacts.Save(pdf, "sign-in-sheet-two-rooms.pdf");

        using var read = PdfDocument.Open(pdf);
        (string Room, string Number)[] expected = [("考场：第01考场", "第 1 页 共 2 页"), ("考场：第01考场", "第 2 页 共 2 页"), ("考场：第02考场", "第 1 页 共 1 页")];
        Assert.Equal(expected.Length, read.NumberOfPages);
        foreach (var page in read.GetPages())
        {
            Assert.Contains(expected[page.Number - 1].Room, page.Text, StringComparison.Ordinal);
            Assert.Contains(expected[page.Number - 1].Number, page.Text, StringComparison.Ordinal);

            // Once: numbering the second room leaves the first room's pages as they were.
            Assert.Single(page.Letters, l => l.Value == "共");
        }
    }

    [Fact]
    public void TheCountAndSignatureAlwaysShareThePageWithTheRoomsLastCandidates()
    {
        // Around the counts where a page fills up, the last row may have to move over to keep them company.
        for (var count = 7; count <= 19; count++)
        {
            var room = TicketSamples.Room(1, count);

            using var document = PdfDocument.Open(SignInSheetPdf.Build([room]));

            var last = document.GetPage(document.NumberOfPages);
            Assert.NotEmpty(TicketNumbers(last));
            var footer = last.GetWords().Single(w => w.Text == "应到");
            var lowestCell = last.Paths
                .Where(p => p.IsStroked)
                .Select(p => p.GetBoundingRectangle())
                .OfType<PdfRectangle>()
                .Where(r => r.Height > 1) // boxes, not the footer's ruled blanks
                .Min(r => r.Bottom);
            Assert.True(footer.BoundingBox.Top < lowestCell, $"{count} candidates: the footer overlaps the table");
            Assert.True(footer.BoundingBox.Bottom > BottomMargin, $"{count} candidates: the footer is in the bottom margin");
            Assert.Equal(count, document.GetPages().Sum(p => TicketNumbers(p).Count));
        }
    }

    [Fact]
    public void AddRoomRefusesAMissingDocumentOrRoom()
    {
        using var document = FormDocument.Create(SignInSheetPdf.Title);
        Assert.Throws<ArgumentNullException>(() => SignInSheetPdf.AddRoom(null!, TicketSamples.Room(1, 1)));
        Assert.Throws<ArgumentNullException>(() => SignInSheetPdf.AddRoom(document, null!));
        Assert.Equal(0, document.PageCount);
    }

    // Top to bottom: ticket numbers are the only twelve-digit words on the sheet.
    private static List<string> TicketNumbers(Page page) =>
        [.. page.GetWords()
            .Where(w => w.Text.Length == 12 && w.Text.All(char.IsAsciiDigit))
            .OrderByDescending(w => w.BoundingBox.Top)
            .Select(w => w.Text)];
}
