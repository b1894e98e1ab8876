namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Bytes ready to store: checked by content, metadata removed. Width and Height are in pixels and are
/// null for a PDF.
/// </summary>
public sealed record ProcessedFile(byte[] Content, string ContentType, string Extension, int? Width, int? Height)
{
    public long Length => Content.LongLength;

    internal static ProcessedFile Jpeg(byte[] content, int width, int height) =>
        new(content, "image/jpeg", ".jpg", width, height);

    internal static ProcessedFile Png(byte[] content, int width, int height) =>
        new(content, "image/png", ".png", width, height);

    internal static ProcessedFile Pdf(byte[] content) => new(content, "application/pdf", ".pdf", null, null);
}
