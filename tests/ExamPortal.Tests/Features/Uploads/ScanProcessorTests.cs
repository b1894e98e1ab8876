using System.Diagnostics;
using System.Text;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Uploads;

public sealed class ScanProcessorTests(ITestOutputHelper output)
{
    private const int Kilobyte = 1024;
    private const string Window = "扫描件须在200KB至300KB之间（含），您上传的文件为";
    private const string Remedy = ScanProcessor.ReencodeRemedy;

    private readonly ScanProcessor scans = new(NullLogger<ScanProcessor>.Instance);

    public static TheoryData<string> OutsideTheWindow => ["jpeg-199KB", "jpeg-301KB", "png-199KB", "png-301KB"];

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public void AnImageJustOutsideTheWindowIsReencodedIntoIt(string sample)
    {
        var image = Sample(sample);

        var check = scans.Inspect(image);

        Assert.Equal(ScanVerdict.NeedsReencode, check.Verdict);
        Assert.Equal([$"{Window}{UploadRules.FormatSizeNear(image.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes)}", Remedy], check.Messages);
        AssertInWindowJpeg(Reencode(image, sample));
    }

    [Fact]
    public void ALargePhoneShotIsTurnedUprightAndReencodedIntoTheWindow()
    {
        var phone = UploadSamples.PhonePortrait;

        var check = scans.Inspect(phone);

        Assert.Equal(ScanVerdict.NeedsReencode, check.Verdict);
        Assert.Equal(3, check.Messages.Count);
        Assert.StartsWith(Window, check.Messages[0], StringComparison.Ordinal);
        Assert.EndsWith("MB", check.Messages[0], StringComparison.Ordinal);
        Assert.Equal(["图片带有拍摄方向标记，需要按正确方向转正后保存", Remedy], check.Messages.Skip(1));
        var file = Reencode(phone, $"phone {UploadRules.FormatSize(phone.Length)}");
        AssertInWindowJpeg(file);
        Assert.True(file.Height > file.Width, "the portrait shot is stored upright");
    }

    [Fact]
    public void ATinyImageIsScaledUpIntoTheWindow()
    {
        var tiny = UploadSamples.JpegBetween(18 * Kilobyte, 22 * Kilobyte);

        Assert.Equal(ScanVerdict.NeedsReencode, scans.Inspect(tiny).Verdict);
        AssertInWindowJpeg(Reencode(tiny, "tiny"));
    }

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public void ReencodingAimsForTheMiddleOfTheWindowSoItHasRoomEitherSide(string sample) =>
        Assert.InRange(scans.Reencode(Sample(sample)).Length, 225 * Kilobyte, 275 * Kilobyte);

    [Fact]
    public void ReencodingIsDeterministic()
    {
        var image = Sample("jpeg-301KB");

        Assert.Equal(scans.Reencode(image).Content, scans.Reencode(image).Content);
    }

    [Fact]
    public void AnInWindowJpegComesBackWithoutItsLocationAndStillInTheWindow()
    {
        var jpeg = UploadSamples.JpegBetween(230 * Kilobyte, 280 * Kilobyte, UploadSamples.CameraExif());

        var check = scans.Inspect(jpeg);

        Assert.Equal(ScanVerdict.Accepted, check.Verdict);
        var file = Assert.IsType<ProcessedFile>(check.File);
        Assert.Equal(("image/jpeg", ".jpg"), (file.ContentType, file.Extension));
        Assert.InRange(file.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);
        Assert.True(file.Length < jpeg.Length);
        PhotoProcessorTests.AssertNoMetadata(file.Content);
    }

    [Fact]
    public void AJpegInTheWindowOnlyBecauseOfItsMetadataNeedsReencoding()
    {
        var picture = UploadSamples.JpegBetween(180 * Kilobyte, 195 * Kilobyte);
        var withXmp = UploadSamples.WithJpegSegment(picture, 0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0" + new string('x', 20 * Kilobyte)));
        Assert.InRange(withXmp.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);

        var check = scans.Inspect(withXmp);

        Assert.Equal(ScanVerdict.NeedsReencode, check.Verdict);
        Assert.Equal([$"扫描件须在200KB至300KB之间（含），您上传的文件去除图片附带的拍摄信息后为{UploadRules.FormatSize(picture.Length)}", Remedy], check.Messages);
    }

    [Fact]
    public void AnInWindowPngLosesItsTextChunksAndIsKeptAsPng()
    {
        var png = UploadSamples.PngBetween(230 * Kilobyte, 280 * Kilobyte);
        var tagged = UploadSamples.WithPngChunk(png, "tEXt", "Author\0Zhang San"u8);
        tagged = UploadSamples.WithPngChunk(tagged, "tIME", [0x07, 0xEA, 1, 2, 3, 4, 5]);

        var check = scans.Inspect(tagged);

        Assert.Equal(ScanVerdict.Accepted, check.Verdict);
        var file = Assert.IsType<ProcessedFile>(check.File);
        Assert.Equal(("image/png", ".png"), (file.ContentType, file.Extension));
        Assert.Equal(png, file.Content);
    }

    [Fact]
    public void AnInWindowJpegWithAnOrientationTagIsTurnedNotJustStripped()
    {
        var jpeg = UploadSamples.JpegBetween(230 * Kilobyte, 280 * Kilobyte, UploadSamples.CameraExif(orientation: 6));

        var check = scans.Inspect(jpeg);

        Assert.Equal(ScanVerdict.NeedsReencode, check.Verdict);
        Assert.Equal(["图片带有拍摄方向标记，需要按正确方向转正后保存", Remedy], check.Messages);
        var file = scans.Reencode(jpeg);
        Assert.True(file.Width > file.Height, "a 3:4 portrait stored with orientation 6 shows as landscape");
    }

    [Theory]
    [InlineData(199 * Kilobyte, "199.0KB")]
    [InlineData(301 * Kilobyte, "301.0KB")]
    [InlineData(204_799, "200.0KB（204,799字节）")]
    [InlineData(307_201, "300.0KB（307,201字节）")]
    public void APdfOutsideTheWindowIsRefusedWithItsSize(int bytes, string shown)
    {
        var pdf = UploadSamples.PdfOfSize(bytes);

        var check = scans.Inspect(pdf);

        Assert.Equal(ScanVerdict.Refused, check.Verdict);
        Assert.Equal(UploadKind.Pdf, check.Kind);
        Assert.Equal([$"PDF扫描件须在200KB至300KB之间（含），您上传的文件为{shown}；请重新扫描或调整分辨率后再上传"], check.Messages);
        var refusal = Assert.Throws<UploadProcessingException>(() => scans.Reencode(pdf));
        Assert.StartsWith("PDF文件不能自动调整大小", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(204_800)]
    [InlineData(250 * Kilobyte)]
    [InlineData(307_200)]
    public void APdfInsideTheWindowIsAcceptedUnchanged(int bytes)
    {
        var pdf = UploadSamples.PdfOfSize(bytes);

        var check = scans.Inspect(pdf);

        Assert.Equal(ScanVerdict.Accepted, check.Verdict);
        var file = Assert.IsType<ProcessedFile>(check.File);
        Assert.Equal(("application/pdf", ".pdf"), (file.ContentType, file.Extension));
        Assert.Same(pdf, file.Content);
    }

    [Fact]
    public void AnEncryptedPdfIsRefused()
    {
        var pdf = UploadSamples.PdfOfSize(250 * Kilobyte, document =>
        {
            document.SecuritySettings.UserPassword = "123456";
            document.SecuritySettings.OwnerPassword = "owner";
        }, tolerance: Kilobyte);

        var check = scans.Inspect(pdf);

        Assert.Equal(ScanVerdict.Refused, check.Verdict);
        Assert.Equal(["PDF文件已加密或设置了密码，审核人员无法打开；请取消密码后重新导出PDF，或改为上传JPG、PNG格式的扫描图片"], check.Messages);
    }

    [Fact]
    public void APdfWithJavaScriptIsRefused()
    {
        var pdf = UploadSamples.PdfOfSize(250 * Kilobyte, document =>
        {
            var action = new PdfDictionary(document);
            action.Elements["/S"] = new PdfName("/JavaScript");
            action.Elements["/JS"] = new PdfString("app.alert('hello');");
            document.Internals.Catalog.Elements["/OpenAction"] = action;
        });

        var check = scans.Inspect(pdf);

        Assert.Equal(ScanVerdict.Refused, check.Verdict);
        Assert.Equal(["PDF文件中含有脚本（JavaScript），出于安全考虑不予接收；请用扫描仪重新扫描，或用“打印为PDF”重新生成后上传"], check.Messages);
    }

    [Fact]
    public void APdfThatDoesNotParseIsRefused()
    {
        var broken = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 250 * Kilobyte));

        var check = scans.Inspect(broken);

        Assert.Equal(ScanVerdict.Refused, check.Verdict);
        Assert.Equal(["PDF文件已损坏或格式无法识别，无法打开；请重新扫描或重新导出PDF后上传"], check.Messages);
    }

    [Theory]
    [InlineData("MZ")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("PK\u0003\u0004")]
    public void AnythingButImagesAndPdfsIsRefusedWithTheAcceptedTypes(string head)
    {
        var file = new byte[250 * Kilobyte];
        Encoding.Latin1.GetBytes(head).CopyTo(file, 0);

        var check = scans.Inspect(file);

        Assert.Equal(ScanVerdict.Refused, check.Verdict);
        Assert.Equal(["扫描件仅支持JPG、JPEG、PNG格式的图片或PDF文件，您上传的文件不是这几种格式（仅修改文件扩展名无效）；请重新选择文件"], check.Messages);
        Assert.Throws<UploadProcessingException>(() => scans.Reencode(file));
    }

    [Fact]
    public void ATruncatedImageIsRefused()
    {
        var png = UploadSamples.PngBetween(230 * Kilobyte, 280 * Kilobyte);

        var check = scans.Inspect(png[..(png.Length - 100)]);

        Assert.Equal(["扫描件文件不完整或已损坏（可能上传时中断），无法读取；请重新选择文件上传"], check.Messages);
    }

    [Fact]
    public void AnImageBombIsRefused() =>
        Assert.Equal(ScanVerdict.Refused, scans.Inspect(UploadSamples.PngHeaderOnly(9_000, 9_000)).Verdict);

    private static byte[] Sample(string name) => name switch
    {
        "jpeg-199KB" => UploadSamples.JpegBetween(194 * Kilobyte, UploadRules.ScanMinBytes - 1),
        "jpeg-301KB" => UploadSamples.JpegBetween(UploadRules.ScanMaxBytes + 1, 306 * Kilobyte),
        "png-199KB" => UploadSamples.PngBetween(194 * Kilobyte, UploadRules.ScanMinBytes - 1),
        "png-301KB" => UploadSamples.PngBetween(UploadRules.ScanMaxBytes + 1, 306 * Kilobyte),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private ProcessedFile Reencode(byte[] image, string label)
    {
        var started = Stopwatch.GetTimestamp();
        var file = scans.Reencode(image);
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{label}: {image.Length} → {file.Length} bytes, {file.Width}×{file.Height}, {elapsed.TotalMilliseconds:0} ms");
        return file;
    }

    private static void AssertInWindowJpeg(ProcessedFile file)
    {
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.InRange(file.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);
        var info = Image.Identify(file.Content);
        Assert.Equal((file.Width, file.Height), (info.Width, info.Height));
        PhotoProcessorTests.AssertNoMetadata(file.Content);
    }
}
