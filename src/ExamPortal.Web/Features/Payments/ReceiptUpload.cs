using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Web.Features.Payments;

/// <summary>
/// The receipt field of both payment forms: a newly chosen file is checked and stored as the uploader's;
/// with none chosen, the receipt stored by an earlier refused attempt (its id in a hidden field) is reused.
/// </summary>
public sealed class ReceiptUpload(FileStore files)
{
    /// <summary>The stored receipt's id, or null with a Chinese message saying what to do.</summary>
    public async Task<(Guid? FileId, string? Problem)> StoreAsync(IFormFile? receipt, Guid? pending, string userId, CancellationToken ct)
    {
        if (receipt is null or { Length: 0 } && pending is { } earlier)
        {
            return await files.IsOwnedByAsync(earlier, userId, ct) ? (earlier, null) : (null, "请重新上传银行回单");
        }

        if (receipt is null or { Length: 0 })
        {
            return (null, $"请上传银行回单（{ReceiptProcessor.Limits}）");
        }

        var (content, problem) = await UploadedFile.ReadAsync(receipt, ct);
        if (content is null)
        {
            return (null, problem);
        }

        try
        {
            var file = ReceiptProcessor.Process(content);
            return (await files.SaveAsync(userId, "银行回单" + file.Extension, file.ContentType, file.Content, ct), null);
        }
        catch (UploadProcessingException ex)
        {
            return (null, ex.Message);
        }
    }
}
