using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static ExamPortal.Tests.Features.Attachments.ZipSamples;

namespace ExamPortal.Tests.Features.Attachments;

public sealed class AttachmentProcessorTests
{
    private readonly AttachmentProcessor processor = new(
        new PhotoProcessor(NullLogger<PhotoProcessor>.Instance), new ScanProcessor(NullLogger<ScanProcessor>.Instance));

    public static TheoryData<string> OutsideTheWindow => ["199KB", "301KB"];

    [Fact]
    public void APhotoWithinTheRulesIsAcceptedAsItIs()
    {
        var processed = Process(DocumentSlot.Photo, SmallPhoto);

        var file = Assert.IsType<ProcessedFile>(processed.File);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.True(file.Length < 50 * 1024);
        Assert.Null(processed.Adjustment);
        Assert.Null(processed.Problem);
    }

    [Fact]
    public void APhotoOfSeveralHundredKilobytesIsFittedWithoutAskingAndTheFitIsSaid()
    {
        Assert.InRange(LargePhoto.Length, 200 * 1024, 2 * 1024 * 1024);

        var processed = Process(DocumentSlot.Photo, LargePhoto);

        var file = Assert.IsType<ProcessedFile>(processed.File);
        Assert.Equal((295, 413), (file.Width, file.Height));
        Assert.True(file.Length < 50 * 1024, $"{file.Length} bytes");
        Assert.Equal((295, 413), (Image.Identify(file.Content).Width, Image.Identify(file.Content).Height));
        Assert.Equal(
            $"照片已裁剪压缩为295×413像素（{UploadRules.FormatSize(file.Length)}）。原因：照片须小于50KB，您上传的文件为{UploadRules.FormatSize(LargePhoto.Length)}",
            processed.Adjustment);
        Assert.Null(processed.Problem);
    }

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public void AScanJustOutsideTheWindowIsReencodedIntoItWithoutAsking(string sample)
    {
        var scan = sample == "199KB" ? Scan199KB : Scan301KB;

        var processed = Process(DocumentSlot.IdCardFront, scan);

        var file = Assert.IsType<ProcessedFile>(processed.File);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.InRange(file.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);
        Assert.Equal(
            $"已重新压缩为{UploadRules.FormatSize(file.Length)}的JPG图片。原因：扫描件须在200KB至300KB之间（含），您上传的文件为{UploadRules.FormatSize(scan.Length)}",
            processed.Adjustment);
        Assert.Null(processed.Problem);
    }

    [Fact]
    public void AScanInTheWindowIsAcceptedAsItIs()
    {
        var processed = Process(DocumentSlot.EducationProof, InWindowJpeg);

        var file = Assert.IsType<ProcessedFile>(processed.File);
        Assert.InRange(file.Length, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);
        Assert.Null(processed.Adjustment);
        Assert.Null(processed.Problem);
    }

    [Fact]
    public void APdfInTheWindowIsAcceptedUnchanged()
    {
        var processed = Process(DocumentSlot.ApplicationForm, InWindowPdf);

        Assert.Same(InWindowPdf, processed.File?.Content);
        Assert.Null(processed.Adjustment);
    }

    [Fact]
    public void APdfOf150KilobytesIsRefusedWithItsSize()
    {
        var processed = Process(DocumentSlot.ApplicationForm, Pdf150KB);

        Assert.Null(processed.File);
        Assert.Null(processed.Adjustment);
        Assert.Equal("PDF扫描件须在200KB至300KB之间（含），您上传的文件为150.0KB；请重新扫描或调整分辨率后再上传", processed.Problem);
    }

    [Fact]
    public void APdfAsThePhotoIsRefused()
    {
        var processed = Process(DocumentSlot.Photo, InWindowPdf);

        Assert.Null(processed.File);
        Assert.Equal("照片须为JPG格式图片，您上传的是PDF文件；请上传本人近期免冠证件照图片（JPG或PNG）", processed.Problem);
    }

    [Fact]
    public void AScanThatCannotBeBroughtIntoTheWindowIsRefusedWithTheReason()
    {
        // A blank strip: however large it is made, it never encodes to 200 KB.
        using var blank = new Image<Rgb24>(40, 4, new Rgb24(255, 255, 255));
        using var stream = new MemoryStream();
        blank.SaveAsJpeg(stream);

        var processed = Process(DocumentSlot.IdCardBack, stream.ToArray());

        Assert.Null(processed.File);
        Assert.Equal("无法将该图片自动调整到200KB至300KB之间（含）（图片内容过于简单或过于复杂）；请用扫描仪或手机重新扫描，使文件在此范围内后再上传", processed.Problem);
    }

    [Fact]
    public void AFileThatIsNotAnImageOrPdfIsRefused()
    {
        var processed = Process(DocumentSlot.IdCardBack, Bytes("MZ executable renamed .jpg"));

        Assert.Null(processed.File);
        Assert.StartsWith("扫描件仅支持JPG、JPEG、PNG格式的图片或PDF文件", processed.Problem, StringComparison.Ordinal);
    }

    private ProcessedAttachment Process(DocumentSlot slot, byte[] content) =>
        processor.Process(new ZipFileEntry($"{PersonA}_{DocumentSlots.DisplayName(slot)}.jpg", PersonA, slot, content));
}
