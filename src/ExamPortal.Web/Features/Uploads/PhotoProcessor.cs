using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// The candidate's ID photo: a portrait JPEG under 50 KB (announcement, section 四), used for the
/// admission ticket, the sign-in sheet and the certificate. Stateless and thread-safe.
/// </summary>
public sealed partial class PhotoProcessor(ILogger<PhotoProcessor> logger)
{
    private const string Noun = "照片";

    // Start near-lossless; a 295×413 photo is normally 10–20 KB at this quality.
    private const int FirstQuality = 90;
    private const int QualityStep = 5;

    // Below this JPEG blocks show on a face; at 295×413 even pure noise fits long before it.
    private const int LowestQuality = 30;

    // Share of the surplus height cut from the top when a tall picture is cropped: faces sit in the
    // upper part of a portrait, so cutting evenly would risk the top of the head.
    private const double TopCropShare = 0.35;

    /// <summary>Decides whether the upload can be used as it is, made to fit, or must be replaced.</summary>
    public PhotoCheck Inspect(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Structure and header only (issue 10): a photo used as it is never needs its pixels, and one that needs
        // fitting is decoded once, by Fit, which refuses damaged pixel data in its turn.
        ImageProbe probe;
        try
        {
            probe = Open(data);
        }
        catch (UploadProcessingException ex)
        {
            LogRefused(logger, data.Length);
            return PhotoCheck.Refused(ex.Message);
        }

        var reasons = new List<string>();
        if (probe.Kind != UploadKind.Jpeg)
        {
            reasons.Add("照片须为JPG格式，您上传的是PNG图片");
        }

        if (probe.Clean.Length > UploadRules.PhotoMaxBytes)
        {
            var size = UploadRules.FormatSizeNear(data.Length, UploadRules.PhotoMaxBytes + 1);
            reasons.Add($"照片须{UploadRules.PhotoLimit}，您上传的文件为{size}");
        }

        if (probe.DisplayHeight <= probe.DisplayWidth)
        {
            reasons.Add($"照片须为竖版（高度大于宽度），您上传的照片为{probe.DisplayWidth}×{probe.DisplayHeight}像素");
        }

        if (probe.NeedsRotation)
        {
            reasons.Add("照片带有拍摄方向标记，需要按正确方向转正后保存");
        }

        if (reasons.Count > 0)
        {
            return PhotoCheck.NeedsFitting(reasons);
        }

        return PhotoCheck.Accepted(ProcessedFile.Jpeg(probe.Clean, probe.DisplayWidth, probe.DisplayHeight));
    }

    /// <summary>
    /// Makes a one-inch photo from any usable JPEG or PNG: turned upright, cropped to 295:413 around
    /// the upper centre, resized to exactly 295×413, saved as a JPEG under 50 KB with no metadata.
    /// </summary>
    /// <exception cref="UploadProcessingException">The upload is not a usable image (what <see cref="Inspect"/> refuses).</exception>
    public ProcessedFile Fit(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var started = Stopwatch.GetTimestamp();
        var probe = Open(data);
        using var image = ImageIntake.Decode(probe, Noun);

        // Crop and shrink in the stored orientation, then turn the small result: turning a 12-megapixel
        // phone photo first would cost as much again as decoding it.
        var crop = ImageIntake.ToStored(PortraitCrop(probe.DisplayWidth, probe.DisplayHeight), probe);
        var quarterTurned = probe.DisplayWidth != probe.Width;
        image.Mutate(x => x
            .Crop(crop)
            .Resize(quarterTurned ? UploadRules.PhotoHeight : UploadRules.PhotoWidth, quarterTurned ? UploadRules.PhotoWidth : UploadRules.PhotoHeight));
        ImageIntake.TurnUpright(image, probe.Orientation);

        for (var quality = FirstQuality; quality >= LowestQuality; quality -= QualityStep)
        {
            var jpeg = ImageIntake.EncodeJpeg(image, quality);
            if (jpeg.Length <= UploadRules.PhotoMaxBytes)
            {
                var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogFitted(logger, probe.DisplayWidth, probe.DisplayHeight, data.Length, jpeg.Length, quality, milliseconds);
                return ProcessedFile.Jpeg(jpeg, UploadRules.PhotoWidth, UploadRules.PhotoHeight);
            }
        }

        throw new UploadProcessingException(
            $"无法将该照片压缩到{UploadRules.PhotoLimit}，请换一张背景简洁、清晰的本人证件照后再上传");
    }

    /// <summary>The largest 295:413 rectangle, centred across and biased towards the top.</summary>
    internal static Rectangle PortraitCrop(int width, int height)
    {
        // Compare width/height with 295/413 in integers to avoid rounding at the boundary.
        if ((long)width * UploadRules.PhotoHeight > (long)height * UploadRules.PhotoWidth)
        {
            var cropWidth = Math.Max(1, (int)((long)height * UploadRules.PhotoWidth / UploadRules.PhotoHeight));
            return new Rectangle((width - cropWidth) / 2, 0, cropWidth, height);
        }

        var cropHeight = Math.Max(1, (int)((long)width * UploadRules.PhotoHeight / UploadRules.PhotoWidth));
        return new Rectangle(0, (int)((height - cropHeight) * TopCropShare), width, cropHeight);
    }

    private static ImageProbe Open(byte[] data)
    {
        if (data.Length == 0)
        {
            throw new UploadProcessingException("未收到照片内容（文件为空），请重新选择照片");
        }

        if (data.Length > UploadRules.MaxUploadBytes)
        {
            throw new UploadProcessingException(
                $"照片文件为{UploadRules.FormatSizeNear(data.Length, UploadRules.MaxUploadBytes)}，超过{UploadRules.FormatSize(UploadRules.MaxUploadBytes)}的上传上限；请选择较小的照片");
        }

        var kind = ContentSniffer.Detect(data);
        return kind switch
        {
            UploadKind.Jpeg or UploadKind.Png => ImageIntake.Probe(data, kind, Noun),
            UploadKind.Pdf => throw new UploadProcessingException("照片须为JPG格式图片，您上传的是PDF文件；请上传本人近期免冠证件照图片（JPG或PNG）"),
            _ => throw new UploadProcessingException("照片须为JPG格式图片，您上传的文件不是可识别的图片（支持JPG、PNG；仅修改扩展名无效）；请重新选择照片"),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo refused ({Bytes} bytes)")]
    private static partial void LogRefused(ILogger logger, int bytes);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Photo fitted from {Width}x{Height} ({Bytes} bytes) to {FittedBytes} bytes at quality {Quality} in {Milliseconds} ms")]
    private static partial void LogFitted(ILogger logger, int width, int height, int bytes, int fittedBytes, int quality, long milliseconds);
}
