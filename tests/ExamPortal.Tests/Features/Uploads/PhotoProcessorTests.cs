using System.Diagnostics;
using System.Text;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Uploads;

public sealed class PhotoProcessorTests(ITestOutputHelper output)
{
    private readonly PhotoProcessor photos = new(NullLogger<PhotoProcessor>.Instance);

    [Fact]
    public void APortraitJpegUnderFiftyKilobytesIsAcceptedWithoutItsCameraData()
    {
        var original = UploadSamples.JpegBetween(20_000, 40_000, UploadSamples.CameraExif());
        var withComment = UploadSamples.WithJpegSegment(original, 0xFE, "taken at home"u8);

        var check = photos.Inspect(withComment);

        Assert.Equal(PhotoVerdict.Accepted, check.Verdict);
        var file = Assert.IsType<ProcessedFile>(check.File);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.True(file.Length < original.Length);
        AssertNoMetadata(file.Content);
        Assert.DoesNotContain("taken at home", Encoding.Latin1.GetString(file.Content), StringComparison.Ordinal);
        AssertSamePixels(original, file.Content);
    }

    [Fact]
    public void APhotoOfFiftyKilobytesOrMoreNeedsFittingAndTheFitIsOneInchUnderTheLimit()
    {
        var sixtyKilobytes = UploadSamples.JpegBetween(60_000, 64_000);

        var check = photos.Inspect(sixtyKilobytes);

        Assert.Equal(PhotoVerdict.NeedsFitting, check.Verdict);
        Assert.Contains(check.Messages, m => m.StartsWith("照片须小于50KB，您上传的文件为", StringComparison.Ordinal) && m.EndsWith("KB", StringComparison.Ordinal));
        AssertFitsAsOneInchPhoto(photos.Fit(sixtyKilobytes));
    }

    [Theory]
    [InlineData(51_199, PhotoVerdict.Accepted)]
    [InlineData(51_200, PhotoVerdict.NeedsFitting)]
    public void FiftyKilobytesIsAlreadyTooLarge(int bytes, PhotoVerdict expected)
    {
        var photo = UploadSamples.PaddedJpeg(UploadSamples.JpegBetween(20_000, 40_000), bytes);

        var check = photos.Inspect(photo);

        Assert.Equal(expected, check.Verdict);
        if (expected == PhotoVerdict.NeedsFitting)
        {
            Assert.Equal(["照片须小于50KB，您上传的文件为50.0KB（51,200字节）"], check.Messages);
        }
    }

    [Fact]
    public void APngRenamedJpgIsKnownByItsContentAndFitted()
    {
        var png = UploadSamples.Png(300, 420);

        var check = photos.Inspect(png);

        Assert.Equal(PhotoVerdict.NeedsFitting, check.Verdict);
        Assert.Contains("照片须为JPG格式，您上传的是PNG图片", check.Messages);
        AssertFitsAsOneInchPhoto(photos.Fit(png));
    }

    [Fact]
    public void ALandscapeOrSquarePhotoNeedsFittingToPortrait()
    {
        Assert.Contains("照片须为竖版（高度大于宽度），您上传的照片为400×300像素", photos.Inspect(UploadSamples.Jpeg(400, 300)).Messages);
        Assert.Contains("照片须为竖版（高度大于宽度），您上传的照片为300×300像素", photos.Inspect(UploadSamples.Jpeg(300, 300)).Messages);

        AssertFitsAsOneInchPhoto(photos.Fit(UploadSamples.Jpeg(400, 300)));
    }

    [Fact]
    public void APhonePhotoOfSeveralMegabytesIsTurnedUprightCroppedAndStripped()
    {
        var phone = UploadSamples.PhonePortrait;
        Assert.InRange(phone.Length, 2 * 1024 * 1024, UploadRules.MaxUploadBytes);

        var check = photos.Inspect(phone);
        Assert.Equal(PhotoVerdict.NeedsFitting, check.Verdict);
        Assert.Contains(check.Messages, m => m.StartsWith("照片须小于50KB，您上传的文件为", StringComparison.Ordinal) && m.EndsWith("MB", StringComparison.Ordinal));
        Assert.Contains("照片带有拍摄方向标记，需要按正确方向转正后保存", check.Messages);
        Assert.DoesNotContain(check.Messages, m => m.Contains("竖版", StringComparison.Ordinal)); // shown upright it is portrait

        var started = Stopwatch.GetTimestamp();
        var fitted = photos.Fit(phone);
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"Fit of a {UploadRules.FormatSize(phone.Length)} 4000×3000 JPEG: {elapsed.TotalMilliseconds:0} ms, result {fitted.Length} bytes");

        AssertFitsAsOneInchPhoto(fitted);
        using var image = Image.Load<Rgb24>(fitted.Content);
        var top = UploadSamples.AverageOfRows(image, 0, 10);
        var bottom = UploadSamples.AverageOfRows(image, image.Height - 10, image.Height);
        Assert.True(top is { R: > 180, G: < 80, B: < 80 }, $"The red stored-left edge should be on top after turning, was {top}");
        Assert.True(bottom.B > 100, $"The bottom should be the blue-grey picture, was {bottom}");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"Fitting took {elapsed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void EveryCameraOrientationGivesTheSamePictureAsTurningFirst(ushort orientation)
    {
        // Four coloured quarters, so a crop or turn the wrong way round shows as a large difference.
        var (width, height) = orientation >= 5 ? (1000, 600) : (600, 1000);
        using var stored = new Image<Rgb24>(width, height);
        stored.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var shade = (byte)((x + y) * 80 / (width + height));
                    row[x] = (x < width / 2, y < height / 3) switch
                    {
                        (true, true) => new Rgb24(220, shade, shade),
                        (false, true) => new Rgb24(shade, 220, shade),
                        (true, false) => new Rgb24(shade, shade, 220),
                        (false, false) => new Rgb24(220, 220, shade),
                    };
                }
            }
        });
        stored.Metadata.ExifProfile = UploadSamples.CameraExif(orientation);
        using var encoded = new MemoryStream();
        stored.SaveAsJpeg(encoded, new JpegEncoder { Quality = 95 });

        var fitted = photos.Fit(encoded.ToArray());

        using var reference = Image.Load<Rgb24>(encoded.ToArray());
        reference.Mutate(x => x.AutoOrient());
        reference.Mutate(x => x.Crop(PhotoProcessor.PortraitCrop(reference.Width, reference.Height)).Resize(295, 413));
        using var actual = Image.Load<Rgb24>(fitted.Content);
        Assert.True(MeanDifference(reference, actual) < 2, $"orientation {orientation}: {MeanDifference(reference, actual):0.0}");
    }

    [Fact]
    public void ATextFileIsRefused()
    {
        var check = photos.Inspect("姓名,证件号码\n张三,51010419900101123X\n"u8.ToArray());

        Assert.Equal(PhotoVerdict.Refused, check.Verdict);
        Assert.Equal(["照片须为JPG格式图片，您上传的文件不是可识别的图片（支持JPG、PNG；仅修改扩展名无效）；请重新选择照片"], check.Messages);
        Assert.Throws<UploadProcessingException>(() => photos.Fit("hello"u8.ToArray()));
    }

    [Fact]
    public void APdfIsRefusedAsAPhoto() =>
        Assert.Equal(PhotoVerdict.Refused, photos.Inspect(UploadSamples.PdfOfSize(5000)).Verdict);

    [Fact]
    public void AnEmptyFileIsRefused() =>
        Assert.Equal(["未收到照片内容（文件为空），请重新选择照片"], photos.Inspect([]).Messages);

    [Fact]
    public void ATruncatedJpegIsRefusedAsIncomplete()
    {
        var jpeg = UploadSamples.Jpeg(300, 420);

        var check = photos.Inspect(jpeg[..(jpeg.Length * 2 / 3)]);

        Assert.Equal(PhotoVerdict.Refused, check.Verdict);
        Assert.Equal(["照片文件不完整或已损坏（可能上传时中断），无法读取；请重新选择文件上传"], check.Messages);
    }

    [Fact]
    public void AnImageBombIsRefusedFromItsHeaderWithoutDecoding()
    {
        var bomb = UploadSamples.PngHeaderOnly(20_000, 20_000);

        var started = Stopwatch.GetTimestamp();
        var check = photos.Inspect(bomb);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(PhotoVerdict.Refused, check.Verdict);
        Assert.Equal(["图片尺寸为20000×20000像素，超出处理上限（每边不超过12000像素、总像素不超过8000万）；请先缩小图片再上传"], check.Messages);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Refusing took {elapsed.TotalMilliseconds:0} ms: it must not decode 400 million pixels");
        Assert.Throws<UploadProcessingException>(() => photos.Fit(bomb));
    }

    [Fact]
    public void AnUploadOverTenMegabytesIsRefusedBeforeReading()
    {
        var huge = new byte[UploadRules.MaxUploadBytes + 1];
        UploadSamples.Jpeg(16, 16).CopyTo(huge, 0);

        var check = photos.Inspect(huge);

        Assert.Equal(["照片文件为10.0MB（10,485,761字节），超过10.0MB的上传上限；请选择较小的照片"], check.Messages);
    }

    [Fact]
    public void TheCropKeepsTheWholeWidthOfATallPictureAndCutsMoreFromTheBottom()
    {
        var crop = PhotoProcessor.PortraitCrop(1080, 2400);

        Assert.Equal(0, crop.X);
        Assert.Equal(1080, crop.Width);
        Assert.Equal(1512, crop.Height);
        Assert.True(crop.Y < (2400 - crop.Bottom), "less is cut from the top than from the bottom");
    }

    [Fact]
    public void TheCropCentresAWidePictureAcross()
    {
        var crop = PhotoProcessor.PortraitCrop(4000, 3000);

        Assert.Equal((0, 3000), (crop.Y, crop.Height));
        Assert.Equal(2142, crop.Width);
        Assert.Equal((4000 - 2142) / 2, crop.X);
    }

    private static void AssertFitsAsOneInchPhoto(ProcessedFile file)
    {
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal(UploadKind.Jpeg, ContentSniffer.Detect(file.Content));
        Assert.True(file.Length <= UploadRules.PhotoMaxBytes, $"{file.Length} bytes");
        Assert.Equal((295, 413), (file.Width, file.Height));
        var info = Image.Identify(file.Content);
        Assert.Equal((295, 413), (info.Width, info.Height));
        AssertNoMetadata(file.Content);
    }

    internal static void AssertNoMetadata(byte[] content)
    {
        var info = Image.Identify(content);
        Assert.Null(info.Metadata.ExifProfile);
        Assert.Null(info.Metadata.XmpProfile);
        Assert.Null(info.Metadata.IptcProfile);
        var text = Encoding.Latin1.GetString(content);
        Assert.DoesNotContain("Exif\0\0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phone X", text, StringComparison.Ordinal);
    }

    private static double MeanDifference(Image<Rgb24> a, Image<Rgb24> b)
    {
        long total = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var (p, q) = (a[x, y], b[x, y]);
                total += Math.Abs(p.R - q.R) + Math.Abs(p.G - q.G) + Math.Abs(p.B - q.B);
            }
        }

        return total / (3.0 * a.Width * a.Height);
    }

    private static void AssertSamePixels(byte[] expected, byte[] actual)
    {
        using var a = Image.Load<Rgb24>(expected);
        using var b = Image.Load<Rgb24>(actual);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        Assert.True(a.DangerousTryGetSinglePixelMemory(out var left));
        Assert.True(b.DangerousTryGetSinglePixelMemory(out var right));
        Assert.True(left.Span.SequenceEqual(right.Span), "metadata removal must not change a single pixel");
    }
}
