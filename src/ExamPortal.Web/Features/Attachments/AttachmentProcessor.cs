using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// What became of one file from the zip: File is what to store (null when refused); Adjustment says
/// what the portal changed to make it fit the rules, Problem why it was refused, both in Simplified Chinese.
/// </summary>
public sealed record ProcessedAttachment(ZipFileEntry Entry, ProcessedFile? File, string? Adjustment, string? Problem);

/// <summary>
/// Applies the rules of an individual upload to each file of an institution's zip. A candidate is asked
/// before a photo is fitted or a scan re-encoded; an institution sending hundreds of files cannot be,
/// so whatever the processors can fix is fixed and said in Adjustment, and only the rest is refused.
/// Stateless and thread-safe.
/// </summary>
public sealed class AttachmentProcessor(PhotoProcessor photos, ScanProcessor scans)
{
    public ProcessedAttachment Process(ZipFileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            return entry.Slot == DocumentSlot.Photo ? Photo(entry) : Scan(entry);
        }
        catch (UploadProcessingException ex)
        {
            return Refused(entry, ex.Message);
        }
    }

    private ProcessedAttachment Photo(ZipFileEntry entry)
    {
        var check = photos.Inspect(entry.Content);
        switch (check.Verdict)
        {
            case PhotoVerdict.Accepted:
                return new ProcessedAttachment(entry, check.File, null, null);
            case PhotoVerdict.NeedsFitting:
                var fitted = photos.Fit(entry.Content);
                return new ProcessedAttachment(entry, fitted, Adjusted($"照片已裁剪压缩为{fitted.Width}×{fitted.Height}像素（{UploadRules.FormatSize(fitted.Length)}）", check.Messages), null);
            default:
                return Refused(entry, string.Join("；", check.Messages));
        }
    }

    private ProcessedAttachment Scan(ZipFileEntry entry)
    {
        var check = scans.Inspect(entry.Content);
        switch (check.Verdict)
        {
            case ScanVerdict.Accepted:
                return new ProcessedAttachment(entry, check.File, null, null);
            case ScanVerdict.NeedsReencode:
                var reencoded = scans.Reencode(entry.Content);

                // The remedy offers the candidate a choice; here the choice has been made, so only the reasons stay.
                var reasons = check.Messages.Where(m => m != ScanProcessor.ReencodeRemedy).ToList();
                return new ProcessedAttachment(entry, reencoded, Adjusted($"已重新压缩为{UploadRules.FormatSize(reencoded.Length)}的JPG图片", reasons), null);
            default:
                return Refused(entry, string.Join("；", check.Messages));
        }
    }

    // What was done first, then why, so a list of adjustments reads at a glance.
    private static string Adjusted(string done, IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? done : $"{done}。原因：{string.Join("；", reasons)}";

    private static ProcessedAttachment Refused(ZipFileEntry entry, string problem) => new(entry, null, null, problem);
}
