namespace ExamPortal.Web.Features.Uploads;

public enum ScanVerdict
{
    // Usable as uploaded; File holds it with metadata removed (images) or unchanged (PDF).
    Accepted,

    // A JPEG or PNG that ScanProcessor.Reencode can bring into the size window; Messages say why,
    // then end with ScanProcessor.ReencodeRemedy.
    NeedsReencode,

    // Cannot be used: wrong type, damaged, unsafe, or a PDF outside the size window.
    Refused,
}

/// <summary>The result of <see cref="ScanProcessor.Inspect"/>; Messages are Simplified Chinese, for the candidate.</summary>
public sealed record ScanCheck(ScanVerdict Verdict, UploadKind Kind, IReadOnlyList<string> Messages, ProcessedFile? File)
{
    internal static ScanCheck Accepted(UploadKind kind, ProcessedFile file) => new(ScanVerdict.Accepted, kind, [], file);

    internal static ScanCheck NeedsReencode(UploadKind kind, IReadOnlyList<string> reasons) =>
        new(ScanVerdict.NeedsReencode, kind, reasons, null);

    internal static ScanCheck Refused(UploadKind kind, IReadOnlyList<string> messages) =>
        new(ScanVerdict.Refused, kind, messages, null);
}
