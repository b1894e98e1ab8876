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

        // One copy, straight from where the form reader spooled the file: a camera photo is several MB.
        var content = new byte[upload.Length];
        await using var stream = upload.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return (content, null);
    }
}
