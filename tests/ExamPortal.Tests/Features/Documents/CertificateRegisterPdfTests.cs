using System.Globalization;
using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class CertificateRegisterPdfTests(ITestOutputHelper output)
{
    // Fourteen rows on the first page and seventeen on each next one; the 45th row then goes over with
    // the signatures, which never stand alone. A deliberate layout change moves this number: take the
    // new one from the test output and look at the PDF.
    private const int ExpectedPagesFor45 = 4;

    private const double BottomMargin = 48;

    // Column edges: 序号 from 36 pt, 领取人签字 from 666 pt to 806 pt.
    private const double FirstColumnLeft = 36;
    private const double FirstColumnRight = 80;
    private const double SignatureColumnLeft = 666;

    private static readonly string[] HeaderRow = ["序号", "姓名", "证件号码", "专项职业能力名称", "证书编号", "领取人签字"];

    // “日期：” is a word of its own only in the signature blanks; the first page's facts say 考核日期 and 领取日期.
    private static readonly string[] SignatureBlanks = ["报名机构（盖章）：", "负责人签字：", "经办人：", "联系电话：", "日期："];

    [Fact]
    public void FortyFiveCertificatesRunOverPagesWithTheHeaderRowOnEachAndTheSignaturesOnTheLast()
    {
        var register = CertificateSamples.Register(45);

        var pdf = CertificateRegisterPdf.Build(register);
        DocumentArtifacts.Save(pdf, "certificate-register.pdf");

        using var document = PdfDocument.Open(pdf);
        output.WriteLine($"{pdf.Length} bytes, {document.NumberOfPages} pages");
        Assert.Equal(ExpectedPagesFor45, document.NumberOfPages);
        var numbers = new List<string>();
        var sequences = new List<int>();
        foreach (var page in document.GetPages())
        {
            Assert.Equal((842, 595), (Math.Round(page.Width), Math.Round(page.Height)));
            Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
            var text = page.Text;
            Assert.Contains(CertificateRegisterPdf.Title, text, StringComparison.Ordinal);
            Assert.Contains("报名机构：四川某某职业技术学院", text, StringComparison.Ordinal);
            Assert.Contains($"第 {page.Number} 页 共 {ExpectedPagesFor45} 页", text, StringComparison.Ordinal);
            var words = page.GetWords().Select(w => w.Text).ToHashSet();
            Assert.All(HeaderRow, caption => Assert.Contains(caption, words));

            var isLast = page.Number == document.NumberOfPages;
            Assert.All(SignatureBlanks, caption => Assert.Equal(isLast, words.Contains(caption)));
            Assert.Equal(isLast, text.Contains("合计：45人，证书45本", StringComparison.Ordinal));

            // Nothing but the page number in the bottom margin: rows break before it.
            var inBottomMargin = page.Letters.Where(l => l.BoundingBox.Bottom < BottomMargin && !string.IsNullOrWhiteSpace(l.Value));
            Assert.Equal($"第{page.Number}页共{ExpectedPagesFor45}页", string.Concat(inBottomMargin.Select(l => l.Value)));

            // The collector signs by hand: every cell of the signature column but its caption is blank.
            var signatureCells = SignatureCells(page);
            Assert.Equal(Sequences(page).Count() + 1, signatureCells.Count);
            Assert.Equal(["领取人签字"], signatureCells.Select(c => string.Concat(page.Letters.Where(l => Inside(c, l.BoundingBox.Centroid)).Select(l => l.Value))).Where(t => t.Length > 0));
            PdfLayout.AssertTextStaysInsideItsCells(page);

            numbers.AddRange(words.Where(w => w.StartsWith("SC2026", StringComparison.Ordinal)));
            sequences.AddRange(Sequences(page));
            output.WriteLine($"page {page.Number}: {Sequences(page).Count()} rows");
        }

        // Every certificate exactly once, in the order given, whatever the page breaks.
        Assert.Equal(register.Entries.Select(e => e.CertificateNumber).Order(StringComparer.Ordinal), numbers.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 45), sequences);
        var allWords = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        Assert.All(register.Entries, e => Assert.Contains(e.MaskedIdNumber, allWords));
    }

    [Fact]
    public void TheFirstPageSaysWhoseCertificatesOfWhichSittingAndFromWhenTheyCanBeCollected()
    {
        var register = CertificateSamples.Register(5);

        var pdf = CertificateRegisterPdf.Build(register);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        var text = page.Text;
        foreach (var expected in new[]
                 {
                     "四川核发专项职业能力证书登记表", "报名机构：四川某某职业技术学院", "考核批次：2026年第3批", "考核日期：2026年3月28日", "证书数量：5本",
                     $"专项职业能力名称：大数据分析、{CertificateSamples.SecondProject}", "领取日期：2026年5月15日起", "第 1 页 共 1 页",
                     "合计：5人，证书5本", "报名机构（盖章）：", "负责人签字：", "经办人：", "联系电话：", "日期：",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.All(register.Entries, e => Assert.Contains(e.FullName + e.MaskedIdNumber + e.ProjectName + e.CertificateNumber, text, StringComparison.Ordinal));
        PdfLayout.AssertTextStaysInsideItsCells(page);
    }

    [Fact]
    public void BuildRefusesAMissingRegister() =>
        Assert.Throws<ArgumentNullException>(() => CertificateRegisterPdf.Build(null!));

    private static List<PdfRectangle> SignatureCells(Page page) =>
        [.. page.Paths
            .Where(p => p.IsStroked)
            .Select(p => p.GetBoundingRectangle())
            .OfType<PdfRectangle>()
            .Where(r => Math.Abs(r.Left - SignatureColumnLeft) < 0.5 && r.Height > 1)];

    private static bool Inside(PdfRectangle cell, PdfPoint point) =>
        point.X > cell.Left && point.X < cell.Right && point.Y > cell.Bottom && point.Y < cell.Top;

    private static IEnumerable<int> Sequences(Page page) =>
        page.GetWords()
            .Where(w => w.BoundingBox.Left >= FirstColumnLeft && w.BoundingBox.Left < FirstColumnRight && w.BoundingBox.Bottom > BottomMargin
                && int.TryParse(w.Text, CultureInfo.InvariantCulture, out _))
            .OrderByDescending(w => w.BoundingBox.Top)
            .Select(w => int.Parse(w.Text, CultureInfo.InvariantCulture));
}
