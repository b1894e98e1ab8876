using System.Diagnostics;
using System.Globalization;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Web.Features.Documents;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using ZXing;
using ZXing.Common;

namespace ExamPortal.Tests.Features.Documents;

public sealed class AdmissionTicketPdfTests(ITestOutputHelper output)
{
    // 200 dpi is a cheap office scanner or a phone camera held close; the QR code's modules are then ~5 px.
    private const int RenderDpi = 200;

    [Fact]
    public void TheTicketIsOneA4PageWithTheCandidateTheSittingAndTheRulesAsText()
    {
        var sheet = TicketSamples.Ticket(TicketSamples.Photo(1));

        var pdf = AdmissionTicketPdf.Build(sheet);
        DocumentArtifacts.Save(pdf, "admission-ticket.pdf");

        output.WriteLine($"{pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
        Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
        var text = page.Text;
        foreach (var expected in new[]
                 {
                     "2026年四川省专项职业能力省直统一考核", "准考证", sheet.FullName, sheet.TicketNumber, "居民身份证", "**************123X",
                     TicketSamples.ProjectName, TicketSamples.BatchTitle, "2026年3月28日（星期六）", "09:00—11:00", TicketSamples.Venue,
                     "第02考场", "座位号", "扫码核验准考证真伪", "考生须知",
                     "考生须持本准考证和有效身份证件（第二代居民身份证）参加考核；过期身份证、第一代身份证、身份证复印件及其他证件、证明均不予认可。",
                     "于考核开始前30分钟到达考点", "黑白、彩色均可", "逾期未完成准考证打印影响考核的，一切后果由考生本人承担。", "成绩达60分（含）以上为合格",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Contains("07", words);
        Assert.Contains(sheet.TicketNumber, words);
        PdfLayout.AssertTextStaysInsideItsCells(page);

        // The photo goes in as uploaded, byte for byte, and the QR code is a square image beside it.
        var images = page.GetImages().ToList();
        Assert.Equal(2, images.Count);
        var photo = Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (295, 413));
        Assert.Equal(sheet.Photo, photo.RawBytes.ToArray());
        var qr = Assert.Single(images, i => i.WidthInSamples == i.HeightInSamples);
        Assert.InRange(qr.BoundingBox.Width, 84, 86); // 30 mm
    }

    [Fact]
    public void TheQrCodeReadsAsTheVerificationUrlInColourAndPrintedInBlackAndWhite()
    {
        var sheet = TicketSamples.Ticket(TicketSamples.Photo(1));
        var pdf = AdmissionTicketPdf.Build(sheet);

        using var page = Render(pdf, RenderDpi);
        Assert.Equal(sheet.VerificationUrl, DecodeQr(page));

        // A monochrome laser printer: grey levels become black or white, and the code still reads.
        page.Mutate(x => x.Grayscale().BinaryThreshold(0.5f));
        Assert.Equal(sheet.VerificationUrl, DecodeQr(page));
    }

    [Fact]
    public void NothingButThePhotoHasColour()
    {
        var pdf = AdmissionTicketPdf.Build(TicketSamples.Ticket(TicketSamples.Photo(1)));
        using var document = PdfDocument.Open(pdf);
        var photo = document.GetPage(1).GetImages().Single(i => i.WidthInSamples != i.HeightInSamples).BoundingBox;

        using var page = Render(pdf, RenderDpi);
        var scale = RenderDpi / 72.0;
        var photoLeft = (int)Math.Floor(photo.Left * scale) - 1;
        var photoRight = (int)Math.Ceiling(photo.Right * scale) + 1;
        var photoTop = (int)Math.Floor((842 - photo.Top) * scale) - 1;
        var photoBottom = (int)Math.Ceiling((842 - photo.Bottom) * scale) + 1;
        var coloured = 0;
        page.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    var inPhoto = x >= photoLeft && x <= photoRight && y >= photoTop && y <= photoBottom;
                    if (!inPhoto && Math.Max(Math.Abs(p.R - p.G), Math.Max(Math.Abs(p.G - p.B), Math.Abs(p.R - p.B))) > 12)
                    {
                        coloured++;
                    }
                }
            }
        });
        Assert.Equal(0, coloured);
    }

    [Fact]
    public void ALongVenueAndTheLongestProjectNameWrapInsideTheTableAndTheTicketStaysOnePage()
    {
        var longest = Announcement2026.Projects.MaxBy(p => p.Name.Length)!.Name;
        var sheet = TicketSamples.Ticket(TicketSamples.Photo(2)) with { Venue = TicketSamples.LongVenue, ProjectName = longest };

        var pdf = AdmissionTicketPdf.Build(sheet);
        DocumentArtifacts.Save(pdf, "admission-ticket-long-venue.pdf");

        output.WriteLine($"longest project: {longest} ({longest.Length} characters); {pdf.Length} bytes");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Contains(TicketSamples.LongVenue, page.Text, StringComparison.Ordinal);
        Assert.Contains(longest, page.Text, StringComparison.Ordinal);
        Assert.Contains("成绩于考核结束5个工作日后公示", page.Text, StringComparison.Ordinal);
        PdfLayout.AssertTextStaysInsideItsCells(page);

        // Every letter inside the 56 pt margins: nothing runs off the page or into its edge.
        Assert.All(
            page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)),
            l => Assert.True(
                l.BoundingBox.Left >= 55 && l.BoundingBox.Right <= 540 && l.BoundingBox.Bottom >= 55 && l.BoundingBox.Top <= 787,
                $"“{l.Value}” at ({l.BoundingBox.Left:0.0}, {l.BoundingBox.Bottom:0.0})"));
    }

    [Fact]
    public void WithoutAPhotoTheTicketSaysSoAndKeepsTheQrCode()
    {
        var pdf = AdmissionTicketPdf.Build(TicketSamples.Ticket(photo: null));
        DocumentArtifacts.Save(pdf, "admission-ticket-no-photo.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains("无照片", page.Text, StringComparison.Ordinal);
        var qr = Assert.Single(page.GetImages());
        Assert.Equal(qr.WidthInSamples, qr.HeightInSamples);
    }

    [Fact]
    public void APngPhotoIsPrintedInItsBoxKeepingItsShape()
    {
        var sheet = TicketSamples.Ticket(UploadSamples.Png(300, 300));

        var pdf = AdmissionTicketPdf.Build(sheet);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.DoesNotContain("无照片", page.Text, StringComparison.Ordinal);
        var images = page.GetImages().ToList();
        Assert.Equal(2, images.Count);

        // Square, as wide as the 25 mm box: scaled to fit, not stretched to the box's 25 × 35 mm.
        var photo = Assert.Single(images, i => i.WidthInSamples == 300);
        Assert.Equal(photo.BoundingBox.Width, photo.BoundingBox.Height, 0.5);
        Assert.InRange(photo.BoundingBox.Width, 70, 72);
    }

    [Fact]
    public void AddPageAddsOnePagePerTicketToTheCallersDocument()
    {
        var sheets = Enumerable.Range(1, 3)
            .Select(seat => TicketSamples.Ticket(TicketSamples.Photo(seat)) with { Seat = seat, TicketNumber = TicketSamples.TicketNumber(2, seat) })
            .ToList();

        using var document = FormDocument.Create(AdmissionTicketPdf.Title);
        foreach (var sheet in sheets)
        {
            AdmissionTicketPdf.AddPage(document, sheet);
            Assert.Equal(sheet.Seat, document.PageCount);
        }

        var pdf = FormDocument.Save(document);

        using var read = PdfDocument.Open(pdf);
        Assert.Equal(3, read.NumberOfPages);
        foreach (var page in read.GetPages())
        {
            Assert.Contains(sheets[page.Number - 1].TicketNumber, page.GetWords().Select(w => w.Text));
            Assert.Equal(2, page.GetImages().Count());
        }
    }

    [Fact]
    public void AddPageRefusesAMissingDocumentOrSheet()
    {
        using var document = FormDocument.Create(AdmissionTicketPdf.Title);
        Assert.Throws<ArgumentNullException>(() => AdmissionTicketPdf.AddPage(null!, TicketSamples.Ticket(photo: null)));
        Assert.Throws<ArgumentNullException>(() => AdmissionTicketPdf.AddPage(document, null!));
        Assert.Equal(0, document.PageCount);
    }

    /// <summary>Page 1 of the PDF as poppler renders it at <paramref name="dpi"/> (shared with the HTTP and browser ticket tests).</summary>
    internal static Image<Rgb24> Render(byte[] pdf, int dpi)
    {
        var folder = Directory.CreateTempSubdirectory("ticket-render-");
        try
        {
            var input = Path.Combine(folder.FullName, "page.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start"))
            {
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
            }

            return Image.Load<Rgb24>(Path.Combine(folder.FullName, "page.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The text of the QR code on the rendered page, or null when none reads.</summary>
    internal static string? DecodeQr(Image<Rgb24> page)
    {
        var pixels = new byte[page.Width * page.Height * 3];
        page.CopyPixelDataTo(pixels);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(pixels, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.RGB24))?.Text;
    }
}
