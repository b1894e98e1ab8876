using ExamPortal.Web.Features.Uploads;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace ExamPortal.Tests.Features.Uploads;

// Bank receipts: JPG, PNG or PDF of 10 KB to 5 MB, checked by content as scans are.
public sealed class ReceiptProcessorTests
{
    private const int Kilobyte = 1024;

    [Fact]
    public void APhotoOfTheReceiptIsStoredWithoutItsCameraMetadata()
    {
        var photo = UploadSamples.JpegBetween(60 * Kilobyte, 400 * Kilobyte, UploadSamples.CameraExif());

        var file = ReceiptProcessor.Process(photo);

        Assert.Equal("image/jpeg", file.ContentType);
        using var stored = Image.Load(file.Content);
        Assert.Null(stored.Metadata.ExifProfile);
    }

    [Fact]
    public void AReceiptPhotographedSidewaysIsTurnedUpright()
    {
        var exif = UploadSamples.CameraExif(orientation: 6);
        var sideways = UploadSamples.Jpeg(1200, 800, exif: exif);
        Assert.InRange(sideways.Length, ReceiptProcessor.MinBytes, ReceiptProcessor.MaxBytes);

        var file = ReceiptProcessor.Process(sideways);

        Assert.Equal((800, 1200), (file.Width, file.Height));
    }

    [Fact]
    public void APngScreenshotStaysAPng()
    {
        var file = ReceiptProcessor.Process(UploadSamples.PngBetween(40 * Kilobyte, 600 * Kilobyte));

        Assert.Equal("image/png", file.ContentType);
    }

    [Fact]
    public void APdfFromTheBankIsStoredAsItIs()
    {
        var pdf = UploadSamples.PdfOfSize(120 * Kilobyte);

        var file = ReceiptProcessor.Process(pdf);

        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(pdf, file.Content);
    }

    [Fact]
    public void APdfWithJavaScriptIsRefused()
    {
        var pdf = UploadSamples.PdfOfSize(120 * Kilobyte, document =>
        {
            var action = new PdfDictionary(document);
            action.Elements["/S"] = new PdfName("/JavaScript");
            action.Elements["/JS"] = new PdfString("app.alert('hello');");
            document.Internals.Catalog.Elements["/OpenAction"] = action;
        });

        var refused = Assert.Throws<UploadProcessingException>(() => ReceiptProcessor.Process(pdf));

        Assert.Contains("脚本（JavaScript）", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var refused = Assert.Throws<UploadProcessingException>(() => ReceiptProcessor.Process([]));

        Assert.Equal("未收到文件内容（文件为空），请重新选择银行回单文件", refused.Message);
    }

    [Fact]
    public void AFileThatIsNotAnImageOrPdfIsRefusedWhateverItsName()
    {
        var text = new byte[20 * Kilobyte];
        Array.Fill(text, (byte)'a');

        var refused = Assert.Throws<UploadProcessingException>(() => ReceiptProcessor.Process(text));

        Assert.StartsWith("银行回单仅支持JPG、PNG格式的图片或PDF文件", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5 * Kilobyte)]
    [InlineData((5 * Kilobyte * Kilobyte) + (100 * Kilobyte))]
    public void AFileOutsideTenKilobytesToFiveMegabytesIsRefusedWithTheLimits(int size)
    {
        var jpeg = UploadSamples.PaddedJpeg(UploadSamples.Jpeg(64, 64), size);

        var refused = Assert.Throws<UploadProcessingException>(() => ReceiptProcessor.Process(jpeg));

        Assert.StartsWith("银行回单文件须在10KB至5MB之间", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedJpegIsRefused()
    {
        var whole = UploadSamples.JpegBetween(60 * Kilobyte, 400 * Kilobyte);

        Assert.Throws<UploadProcessingException>(() => ReceiptProcessor.Process(whole[..(whole.Length / 2)]));
    }
}
