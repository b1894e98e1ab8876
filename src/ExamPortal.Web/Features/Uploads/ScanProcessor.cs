using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// The five scan slots (application form, commitment, education proof, ID front and back): jpg, jpeg,
/// png or pdf of 200 KB to 300 KB inclusive (announcement, section 四). Images outside the window can
/// be re-encoded into it; PDFs cannot, and must be scanned again. Stateless and thread-safe.
/// </summary>
public sealed partial class ScanProcessor(ILogger<ScanProcessor> logger)
{
    private const string Noun = "扫描件";

    // Aim for the middle of the window so small differences between encoders never push it out; stop
    // searching once within the tolerance, otherwise keep the in-window encode closest to the aim.
    private const int TargetBytes = 250 * UploadRules.Kilobyte;
    private const int TargetTolerance = 25 * UploadRules.Kilobyte;

    // A4 at 300 dpi: more pixels than that only adds bytes, not legibility.
    private const int StartLongSide = 3508;

    // Bounds for rescaling: below 1,000 px text becomes hard to read; above 5,000 px the memory cost
    // grows (about 50 MB per image) for no gain.
    private const int MinLongSide = 1000;
    private const int MaxLongSide = 5000;

    private const int ScaleQuality = 85;
    private const int MaxScaleAttempts = 5;
    private const int LowestQuality = 40;
    private const int HighestQuality = 95;
    private const int MaxQualityAttempts = 7;

    /// <summary>The last of the messages of a <see cref="ScanVerdict.NeedsReencode"/> check, after the problems.</summary>
    public const string ReencodeRemedy = "可由系统自动调整为符合要求的JPG图片，或重新扫描后上传";

    private const string AcceptedTypes = "扫描件仅支持JPG、JPEG、PNG格式的图片或PDF文件";

    /// <summary>Decides whether a scan can be stored as it is, re-encoded into the window, or must be replaced.</summary>
    public ScanCheck Inspect(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kind = ContentSniffer.Detect(data);
        if (BasicRefusal(data, kind) is { } refusal)
        {
            LogRefused(logger, kind, data.Length);
            return ScanCheck.Refused(kind, [refusal]);
        }

        return kind == UploadKind.Pdf ? InspectPdf(data) : InspectImage(data, kind);
    }

    /// <summary>
    /// Produces a JPEG of the scan, turned upright, with no metadata, between 200 KB and 300 KB: first
    /// by scaling at a fixed quality (JPEG size follows the pixel count), then by searching quality,
    /// aiming at about 250 KB. Deterministic, and bounded at twelve encodes.
    /// </summary>
    /// <exception cref="UploadProcessingException">The upload is a PDF or not a usable image, or its content cannot reach the window.</exception>
    public ProcessedFile Reencode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kind = ContentSniffer.Detect(data);
        if (BasicRefusal(data, kind) is { } refusal)
        {
            throw new UploadProcessingException(refusal);
        }

        if (kind == UploadKind.Pdf)
        {
            throw new UploadProcessingException($"PDF文件不能自动调整大小，请重新扫描或调整分辨率，使文件在{UploadRules.ScanRange}后再上传");
        }

        var started = Stopwatch.GetTimestamp();
        var probe = ImageIntake.Probe(data, kind, Noun);
        using var source = ImageIntake.Decode(probe, Noun);
        ImageIntake.TurnUpright(source, probe.Orientation);
        var longSide = Math.Max(source.Width, source.Height);
        var lowestScale = Math.Min(1.0, (double)MinLongSide / longSide);
        var highestScale = (double)MaxLongSide / longSide;
        var scale = Math.Clamp(Math.Min(1.0, (double)StartLongSide / longSide), lowestScale, highestScale);

        var search = new WindowSearch();
        for (var i = 0; i < MaxScaleAttempts; i++)
        {
            using var scaled = Scaled(source, scale);
            if (search.Try(scaled, ScaleQuality))
            {
                break;
            }

            // JPEG size grows roughly with the number of pixels, i.e. with the square of the scale.
            var next = Math.Clamp(scale * Math.Sqrt((double)TargetBytes / search.LastLength), lowestScale, highestScale);
            if (Math.Abs(next - scale) < 1e-3)
            {
                break;
            }

            scale = next;
        }

        if (!search.NearTarget)
        {
            using var scaled = Scaled(source, scale);
            var lowest = LowestQuality;
            var highest = HighestQuality;
            for (var i = 0; i < MaxQualityAttempts && lowest <= highest; i++)
            {
                var quality = (lowest + highest) / 2;
                if (search.Try(scaled, quality))
                {
                    break;
                }

                if (search.LastLength > TargetBytes)
                {
                    highest = quality - 1;
                }
                else
                {
                    lowest = quality + 1;
                }
            }
        }

        if (search.Best is not { } best)
        {
            LogUnreachable(logger, data.Length, search.Attempts);
            throw new UploadProcessingException(
                $"无法将该图片自动调整到{UploadRules.ScanRange}（图片内容过于简单或过于复杂）；请用扫描仪或手机重新扫描，使文件在此范围内后再上传");
        }

        var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogReencoded(logger, data.Length, best.Content.Length, best.Width, best.Height, search.Attempts, milliseconds);
        return ProcessedFile.Jpeg(best.Content, best.Width, best.Height);
    }

    private ScanCheck InspectPdf(byte[] data)
    {
        var problems = PdfScanInspector.Problems(data).ToList();
        if (!InWindow(data.Length))
        {
            problems.Add($"PDF扫描件须在{UploadRules.ScanRange}，您上传的文件为{SizeOf(data.Length)}；请重新扫描或调整分辨率后再上传");
        }

        if (problems.Count > 0)
        {
            LogRefused(logger, UploadKind.Pdf, data.Length);
            return ScanCheck.Refused(UploadKind.Pdf, problems);
        }

        return ScanCheck.Accepted(UploadKind.Pdf, ProcessedFile.Pdf(data));
    }

    private ScanCheck InspectImage(byte[] data, UploadKind kind)
    {
        // Structure and header only (issue 10): a scan kept as it is never needs its pixels, and one that needs
        // re-encoding is decoded once, by Reencode, which refuses damaged pixel data.
        ImageProbe probe;
        try
        {
            probe = ImageIntake.Probe(data, kind, Noun);
        }
        catch (UploadProcessingException ex)
        {
            LogRefused(logger, kind, data.Length);
            return ScanCheck.Refused(kind, [ex.Message]);
        }

        var reasons = new List<string>();
        if (!InWindow(data.Length))
        {
            reasons.Add($"扫描件须在{UploadRules.ScanRange}，您上传的文件为{SizeOf(data.Length)}");
        }
        else if (!InWindow(probe.Clean.Length))
        {
            reasons.Add($"扫描件须在{UploadRules.ScanRange}，您上传的文件去除图片附带的拍摄信息后为{SizeOf(probe.Clean.Length)}");
        }

        if (probe.NeedsRotation)
        {
            reasons.Add("图片带有拍摄方向标记，需要按正确方向转正后保存");
        }

        if (reasons.Count > 0)
        {
            // What to do comes once, last, so the messages read as one sentence when joined with "；".
            reasons.Add(ReencodeRemedy);
            return ScanCheck.NeedsReencode(kind, reasons);
        }

        var file = kind == UploadKind.Jpeg
            ? ProcessedFile.Jpeg(probe.Clean, probe.DisplayWidth, probe.DisplayHeight)
            : ProcessedFile.Png(probe.Clean, probe.DisplayWidth, probe.DisplayHeight);
        return ScanCheck.Accepted(kind, file);
    }

    // What is wrong before looking inside: nothing sent, too much sent, or not a type the rules allow.
    private static string? BasicRefusal(byte[] data, UploadKind kind)
    {
        if (data.Length == 0)
        {
            return "未收到文件内容（文件为空），请重新选择文件";
        }

        if (data.Length > UploadRules.MaxUploadBytes)
        {
            return $"文件为{UploadRules.FormatSizeNear(data.Length, UploadRules.MaxUploadBytes)}，超过{UploadRules.FormatSize(UploadRules.MaxUploadBytes)}的上传上限；请降低扫描分辨率后重新扫描";
        }

        return kind == UploadKind.Other
            ? $"{AcceptedTypes}，您上传的文件不是这几种格式（仅修改文件扩展名无效）；请重新选择文件"
            : null;
    }

    private static Image<Rgb24> Scaled(Image<Rgb24> source, double scale)
    {
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        return width == source.Width && height == source.Height
            ? source.Clone()
            : source.Clone(x => x.Resize(width, height));
    }

    private static bool InWindow(long bytes) => bytes is >= UploadRules.ScanMinBytes and <= UploadRules.ScanMaxBytes;

    private static string SizeOf(long bytes) => UploadRules.FormatSizeNear(bytes, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes);

    // The encodes tried so far and the in-window one closest to the aim.
    private sealed class WindowSearch
    {
        public int Attempts { get; private set; }

        public int LastLength { get; private set; }

        public Candidate? Best { get; private set; }

        public bool NearTarget => Best is { } best && Math.Abs(best.Content.Length - TargetBytes) <= TargetTolerance;

        /// <summary>Encodes once; true when the result is near enough to the aim to stop.</summary>
        public bool Try(Image<Rgb24> image, int quality)
        {
            Attempts++;
            var jpeg = ImageIntake.EncodeJpeg(image, quality);
            LastLength = jpeg.Length;
            if (InWindow(jpeg.Length)
                && (Best is null || Math.Abs(jpeg.Length - TargetBytes) < Math.Abs(Best.Content.Length - TargetBytes)))
            {
                Best = new Candidate(jpeg, image.Width, image.Height);
            }

            return NearTarget;
        }
    }

    private sealed record Candidate(byte[] Content, int Width, int Height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan refused: {Kind}, {Bytes} bytes")]
    private static partial void LogRefused(ILogger logger, UploadKind kind, int bytes);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Scan re-encoded from {Bytes} to {ReencodedBytes} bytes at {Width}x{Height} after {Attempts} encodes in {Milliseconds} ms")]
    private static partial void LogReencoded(ILogger logger, int bytes, int reencodedBytes, int width, int height, int attempts, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan of {Bytes} bytes could not be re-encoded into the window after {Attempts} encodes")]
    private static partial void LogUnreachable(ILogger logger, int bytes, int attempts);
}
