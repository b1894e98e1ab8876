using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// What <see cref="AttachmentZipReader.Read"/> found in an institution's zip. When ZipProblems is not
/// empty the whole zip was refused and the other lists are empty: nothing from it may be used.
/// </summary>
public sealed record AttachmentZip(IReadOnlyList<string> ZipProblems, IReadOnlyList<ZipFileEntry> Files, IReadOnlyList<UnrecognisedEntry> Unrecognised)
{
    public bool IsRefused => ZipProblems.Count > 0;
}

/// <summary>
/// A file named after a person and a slot, extracted and not yet checked. IdNumber is normalised
/// (<see cref="IdentityNumber.Normalize"/>), so it compares with stored ID numbers as it is.
/// </summary>
public sealed record ZipFileEntry(string EntryName, string IdNumber, DocumentSlot Slot, byte[] Content)
{
    // Records print every property by default; the entry name carries the ID number too, so neither goes to logs.
    public override string ToString() => $"{IdentityNumber.Mask(IdNumber)} {Slot} ({Content.Length} bytes)";
}

/// <summary>A file the zip holds but that cannot be used; Message says what to change, in Simplified Chinese.</summary>
public sealed record UnrecognisedEntry(string EntryName, string Message)
{
    // The name normally starts with an ID number, and a message can repeat names: neither may reach logs.
    public override string ToString() => $"Unrecognised entry ({EntryName.Length} characters)";
}
