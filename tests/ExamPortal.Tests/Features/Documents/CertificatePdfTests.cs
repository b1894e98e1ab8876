using ExamPortal.Domain.Catalogue;
using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Web.Features.Documents;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class CertificatePdfTests(ITestOutputHelper output)
{
    // As for the admission ticket: a cheap office scanner or a phone camera held close.
    private const int RenderDpi = 200;

    // The inner rule of the frame is 31 pt from the paper's edge; its corner ornaments reach 14 pt further in.
    private const double InnerFrame = 31;
    private const double FrameBand = InnerFrame + 14 + 2;

    [Fact]
    public void TheCertificateIsOneA4PageWithTheHolderTheProjectTheIssuerAndTheNumberAsText()
    {
        var sheet = CertificateSamples.Sheet(TicketSamples.Photo(1));

        var pdf = CertificatePdf.Build(sheet);
        DocumentArtifacts.Save(pdf, "certificate.pdf");

        output.WriteLine($"{pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal("专项职业能力证书（SC2026K7M2Q9XA4T）", document.Information.Title);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
        Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
        var text = page.Text;
        foreach (var expected in new[]
                 {
                     CertificatePdf.Title, "电子证书", "张三丰同志于2026年3月28日参加大数据分析专项职业能力考核，成绩合格，特发此证。",
                     "姓名：张三丰", "证件类型：居民身份证", "证件号码：**************123X", "专项职业能力名称：大数据分析",
                     "证书编号：SC2026K7M2Q9XA4T", "发证机构：四川省职业技能鉴定指导中心", "发证日期：2026年4月13日",
                     "扫码核验证书真伪", "本证书可通过四川省专项职业能力证书查询页面核验",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Whole words: the masked ID number and the certificate number are never broken over lines.
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Contains(sheet.MaskedIdNumber, words);
        Assert.Contains(CertificateSamples.Number, words);
        AssertEveryLetterInsideTheFrame(page);

        // The photo goes in as uploaded, byte for byte; the QR code is a 30 mm square beside the issuer.
        var images = page.GetImages().ToList();
        Assert.Equal(2, images.Count);
        var photo = Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (295, 413));
        Assert.Equal(sheet.Photo, photo.RawBytes.ToArray());
        Assert.InRange(photo.BoundingBox.Width, 70, 72); // 25 mm
        var qr = Assert.Single(images, i => i.WidthInSamples == i.HeightInSamples);
        Assert.InRange(qr.BoundingBox.Width, 84, 86); // 30 mm
        Assert.True(qr.BoundingBox.Top < photo.BoundingBox.Bottom, "the QR code sits below the photo");
    }

    [Fact]
    public void TheQrCodeReadsAsTheVerificationUrlInColourAndPrintedInBlackAndWhite()
    {
        var pdf = CertificatePdf.Build(CertificateSamples.Sheet(TicketSamples.Photo(1)));

        using var page = AdmissionTicketPdfTests.Render(pdf, RenderDpi);
        Assert.Equal(CertificateSamples.VerificationUrl, AdmissionTicketPdfTests.DecodeQr(page));

        // A monochrome laser printer: the red frame turns grey or black, and the code still reads.
        page.Mutate(x => x.Grayscale().BinaryThreshold(0.5f));
        Assert.Equal(CertificateSamples.VerificationUrl, AdmissionTicketPdfTests.DecodeQr(page));
    }

    [Fact]
    public void EveryLetterAndTheQrCodeAreBlackOnWhiteOnlyTheFrameIsColoured()
    {
        var pdf = CertificatePdf.Build(CertificateSamples.Sheet(TicketSamples.Photo(1)));
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();

        // Simulated bold is filled and stroked, so both colours count.
        Assert.All(letters, l => Assert.Equal((0.0, 0.0, 0.0), l.FillColor.ToRGBValues()));
        Assert.All(letters.Where(l => l.RenderingMode != TextRenderingMode.Fill), l => Assert.Equal((0.0, 0.0, 0.0), l.StrokeColor.ToRGBValues()));

        // Rendered: no coloured pixel where a letter or the QR code is, and plenty in the frame.
        var qr = document.GetPage(1).GetImages().Single(i => i.WidthInSamples == i.HeightInSamples).BoundingBox;
        var black = letters.Select(l => l.BoundingBox).Append(qr).ToList();
        using var page = AdmissionTicketPdfTests.Render(pdf, RenderDpi);
        var scale = RenderDpi / 72.0;
        var band = FrameBand * scale;
        var inFrame = 0;
        var onBlack = 0;
        page.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    if (Math.Max(Math.Abs(p.R - p.G), Math.Max(Math.Abs(p.G - p.B), Math.Abs(p.R - p.B))) <= 12)
                    {
                        continue;
                    }

                    var (px, py) = (x / scale, 842 - (y / scale));
                    if (black.Any(b => px >= b.Left && px <= b.Right && py >= b.Bottom && py <= b.Top))
                    {
                        onBlack++;
                    }

                    if (x < band || x > rows.Width - band || y < band || y > rows.Height - band)
                    {
                        inFrame++;
                    }
                }
            }
        });

        output.WriteLine($"coloured pixels: {inFrame} in the frame, {onBlack} on letters or the QR code");
        Assert.True(inFrame > 10_000, "the frame is coloured");
        Assert.Equal(0, onBlack);
    }

    [Fact]
    public void WithoutAPhotoTheCertificateSaysSoAndKeepsTheQrCode()
    {
        var pdf = CertificatePdf.Build(CertificateSamples.Sheet(photo: null));
        DocumentArtifacts.Save(pdf, "certificate-no-photo.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains("无照片", page.Text, StringComparison.Ordinal);
        var qr = Assert.Single(page.GetImages());
        Assert.Equal(qr.WidthInSamples, qr.HeightInSamples);
    }

    [Fact]
    public void TheLongestProjectNameAndAPngPhotoStayInsideTheFrameOnOnePage()
    {
        var longest = Announcement2026.Projects.MaxBy(p => p.Name.Length)!.Name;
        var sheet = CertificateSamples.Sheet(UploadSamples.Png(300, 300)) with { FullName = "欧阳小华", ProjectName = longest };

        var pdf = CertificatePdf.Build(sheet);
        DocumentArtifacts.Save(pdf, "certificate-longest-project.pdf");

        output.WriteLine($"longest project: {longest} ({longest.Length} characters)");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Contains($"欧阳小华同志于2026年3月28日参加{longest}专项职业能力考核，成绩合格，特发此证。", page.Text, StringComparison.Ordinal);
        Assert.Contains($"专项职业能力名称：{longest}", page.Text, StringComparison.Ordinal);
        AssertEveryLetterInsideTheFrame(page);

        // At 17 pt the sentence would end on a line of its own holding “证。”; set smaller, it ends on a full line.
        var lastLine = page.Letters.Single(l => l.Value == "。").StartBaseLine.Y;
        Assert.True(page.Letters.Count(l => Math.Abs(l.StartBaseLine.Y - lastLine) < 0.5) > 10, "the sentence's last line is not a widow");

        // Square, as wide as the 25 mm box: scaled to fit, not stretched to the box's 25 × 35 mm.
        var photo = Assert.Single(page.GetImages(), i => i.WidthInSamples == 300);
        Assert.Equal(photo.BoundingBox.Width, photo.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void BuildRefusesAMissingSheet() =>
        Assert.Throws<ArgumentNullException>(() => CertificatePdf.Build(null!));

    // Well clear of the frame: 20 pt inside its inner rule on every side.
    private static void AssertEveryLetterInsideTheFrame(Page page)
    {
        const double clearance = InnerFrame + 20;
        Assert.All(
            page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)),
            l => Assert.True(
                l.BoundingBox.Left >= clearance && l.BoundingBox.Right <= page.Width - clearance
                    && l.BoundingBox.Bottom >= clearance && l.BoundingBox.Top <= page.Height - clearance,
                $"“{l.Value}” at ({l.BoundingBox.Left:0.0}, {l.BoundingBox.Bottom:0.0})"));
    }
}
