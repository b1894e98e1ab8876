namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Bank receipts (银行回单): JPG, PNG or PDF from 10 KB to 5 MB, checked by content as scans are (a real,
/// decodable image; a PDF that opens, without password or active content). Images are stored without
/// their metadata and turned upright. Stateless and thread-safe.
/// </summary>
public sealed class ReceiptProcessor
{
    public const int MinBytes = 10 * UploadRules.Kilobyte;
    public const int MaxBytes = 5 * UploadRules.Kilobyte * UploadRules.Kilobyte;
    private const string Noun = "银行回单";

    public static string Limits => $"JPG、PNG图片或PDF文件，{MinBytes / UploadRules.Kilobyte}KB至{MaxBytes / UploadRules.Kilobyte / UploadRules.Kilobyte}MB";

    /// <exception cref="UploadProcessingException">The file is not a usable receipt; the message says what to do.</exception>
    public static ProcessedFile Process(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new UploadProcessingException("未收到文件内容（文件为空），请重新选择银行回单文件");
        }

        var kind = ContentSniffer.Detect(data);
        if (kind == UploadKind.Other)
        {
            throw new UploadProcessingException("银行回单仅支持JPG、PNG格式的图片或PDF文件，您上传的文件不是这几种格式（仅修改文件扩展名无效）；请重新选择文件");
        }

        if (data.Length < MinBytes || data.Length > MaxBytes)
        {
            throw new UploadProcessingException(
                $"银行回单文件须在{MinBytes / UploadRules.Kilobyte}KB至{MaxBytes / UploadRules.Kilobyte / UploadRules.Kilobyte}MB之间，您上传的文件为{UploadRules.FormatSizeNear(data.Length, MinBytes, MaxBytes)}；请上传清晰的回单截图、照片或银行导出的PDF");
        }

        if (kind == UploadKind.Pdf)
        {
            var problems = PdfScanInspector.Problems(data);
            return problems.Count > 0 ? throw new UploadProcessingException(string.Join("；", problems)) : ProcessedFile.Pdf(data);
        }

        var probe = ImageIntake.Probe(data, kind, Noun);
        using var image = ImageIntake.Decode(probe, Noun);
        if (!probe.NeedsRotation)
        {
            return kind == UploadKind.Png
                ? ProcessedFile.Png(probe.Clean, probe.Width, probe.Height)
                : ProcessedFile.Jpeg(probe.Clean, probe.Width, probe.Height);
        }

        ImageIntake.TurnUpright(image, probe.Orientation);
        return ProcessedFile.Jpeg(ImageIntake.EncodeJpeg(image, 90), image.Width, image.Height);
    }
}
