using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Web.Features.Files;

public static class UploadedFile
{
    /// <summary>Form and request limits for upload handlers: a little above the largest file we accept.</summary>
    public const long RequestLimit = UploadRules.MaxUploadBytes + (256 * 1024);

    /// <summary>The upload's bytes, or the Chinese reason it cannot be read.</summary>
    public static async Task<(byte[]? Content, string? Problem)> ReadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "请选择要上传的文件（文件不能为空）");
        }

        if (upload.Length > UploadRules.MaxUploadBytes)
        {
            return (null, $"文件过大（{UploadRules.FormatSize(upload.Length)}），单个文件不能超过{UploadRules.FormatSize(UploadRules.MaxUploadBytes)}");
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }
}
