namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Decides what an upload is from its first bytes. The file name and the browser's content type are
/// chosen by the sender, so they are never consulted: an executable renamed ".pdf" is still "Other".
/// </summary>
public static class ContentSniffer
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    // Everything that is not one of the three accepted signatures (executables, archives, HTML, SVG,
    // XML, other image formats) is Other: the callers accept only what they can check and re-encode.
    public static UploadKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Jpeg))
        {
            return UploadKind.Jpeg;
        }

        if (head.StartsWith(Png))
        {
            return UploadKind.Png;
        }

        return head.StartsWith(Pdf) ? UploadKind.Pdf : UploadKind.Other;
    }
}
