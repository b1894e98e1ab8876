using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// The outcome of a zip for one ID number. For a known applicant: the slots filled by this zip (with
/// what was adjusted), the required slots still empty, and each file not used with the reason. For
/// an ID number not among the applicants nothing is attached and Problems says so.
/// </summary>
public sealed record PersonAttachmentResult(
    string IdNumber,
    IReadOnlyList<(DocumentSlot Slot, string? Adjustment)> Attached,
    IReadOnlyList<DocumentSlot> Missing,
    IReadOnlyList<string> Problems,
    bool IsKnownApplicant)
{
    // Records print every property by default; a full ID number must not reach logs.
    public override string ToString() =>
        $"{IdentityNumber.Mask(IdNumber)}: {Attached.Count} attached, {Missing.Count} missing, {Problems.Count} problems";
}

public static class AttachmentReport
{
    public const string NotInBatch = "该证件号码不在本批次本机构的考生名单中";

    /// <summary>
    /// One result per known applicant, in the order given, then one per unknown ID number found in
    /// the zip. <paramref name="alreadyHeld"/> (keyed by stored ID number) lists the slots people had
    /// filled before this zip, so Missing says what is still missing, not what this zip lacked.
    /// Unrecognised entries are shown beside the applicant their name starts with; the others
    /// belong to no one and are listed from <see cref="AttachmentZip.Unrecognised"/>.
    /// </summary>
    public static IReadOnlyList<PersonAttachmentResult> ForPeople(
        IEnumerable<ProcessedAttachment> processed,
        IEnumerable<UnrecognisedEntry> unrecognised,
        IReadOnlyCollection<string> knownIdNumbers,
        IReadOnlyDictionary<string, IReadOnlyCollection<DocumentSlot>>? alreadyHeld = null)
    {
        ArgumentNullException.ThrowIfNull(processed);
        ArgumentNullException.ThrowIfNull(unrecognised);
        ArgumentNullException.ThrowIfNull(knownIdNumbers);

        var known = knownIdNumbers.Select(IdentityNumber.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var byPerson = processed.ToLookup(p => p.Entry.IdNumber, StringComparer.Ordinal);
        var unusable = unrecognised
            .Select(u => (Entry: u, IdNumber: AttachmentName.LeadingIdNumber(u.EntryName)))
            .Where(u => knownSet.Contains(u.IdNumber))
            .ToLookup(u => u.IdNumber, u => $"{u.Entry.EntryName}：{u.Entry.Message}", StringComparer.Ordinal);

        var results = new List<PersonAttachmentResult>();
        foreach (var id in known)
        {
            var files = byPerson[id].ToList();
            var attached = files.Where(f => f.File is not null)
                .OrderBy(f => f.Entry.Slot)
                .Select(f => (f.Entry.Slot, f.Adjustment))
                .ToList();
            var held = alreadyHeld is not null && alreadyHeld.TryGetValue(id, out var slots) ? slots : [];
            var missing = DocumentSlots.Required
                .Where(slot => !held.Contains(slot) && !attached.Any(a => a.Slot == slot))
                .ToList();
            var problems = files.Where(f => f.Problem is not null)
                .Select(f => $"{DocumentSlots.DisplayName(f.Entry.Slot)}（{f.Entry.EntryName}）未采用：{f.Problem}")
                .Concat(unusable[id])
                .ToList();
            results.Add(new PersonAttachmentResult(id, attached, missing, problems, IsKnownApplicant: true));
        }

        foreach (var group in byPerson.Where(g => !knownSet.Contains(g.Key)))
        {
            var names = string.Join("、", group.Select(f => f.Entry.EntryName));
            var problem = $"{NotInBatch}，文件未采用（{names}）；请核对文件名中的证件号码，或先导入该考生后再上传";
            results.Add(new PersonAttachmentResult(group.Key, [], [], [problem], IsKnownApplicant: false));
        }

        return results;
    }
}
