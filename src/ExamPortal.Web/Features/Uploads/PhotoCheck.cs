namespace ExamPortal.Web.Features.Uploads;

public enum PhotoVerdict
{
    // Usable as uploaded; File holds it with camera and location metadata removed.
    Accepted,

    // An image that PhotoProcessor.Fit can turn into a valid photo; Messages say why it must change.
    NeedsFitting,

    // Not a usable image at all; Messages say what to upload instead.
    Refused,
}

/// <summary>The result of <see cref="PhotoProcessor.Inspect"/>; Messages are Simplified Chinese, for the candidate.</summary>
public sealed record PhotoCheck(PhotoVerdict Verdict, IReadOnlyList<string> Messages, ProcessedFile? File)
{
    internal static PhotoCheck Accepted(ProcessedFile file) => new(PhotoVerdict.Accepted, [], file);

    internal static PhotoCheck NeedsFitting(IReadOnlyList<string> reasons) => new(PhotoVerdict.NeedsFitting, reasons, null);

    internal static PhotoCheck Refused(string message) => new(PhotoVerdict.Refused, [message], null);
}
