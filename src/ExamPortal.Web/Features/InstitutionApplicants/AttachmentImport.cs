using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

public sealed record AttachmentImportResult(IReadOnlyList<string> ZipProblems, IReadOnlyList<PersonAttachmentResult> People, IReadOnlyList<UnrecognisedEntry> Unrecognised, int AttachedCount);

/// <summary>
/// Attaches a zip of photos and scans to the institution's applicants of one batch, by ID number and
/// slot, with the same size and content rules as individual registration (fitted or re-encoded
/// on the server, since nobody confirms each file). All accepted files are saved together.
/// </summary>
public sealed class AttachmentImport(PortalDbContext db, AttachmentProcessor processor, FileStore files, TimeProvider clock)
{
    public async Task<AttachmentImportResult> ImportAsync(Actor staff, int institutionId, int batchId, Stream zipStream, CancellationToken ct)
    {
        var zip = AttachmentZipReader.Read(zipStream);
        if (zip.IsRefused)
        {
            return new AttachmentImportResult(zip.ZipProblems, [], [], 0);
        }

        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var registrations = await db.Registrations.Include(r => r.Documents)
            .Where(r => r.InstitutionId == institutionId && r.BatchId == batchId
                && (r.Status == RegistrationStatus.Draft || r.Status == RegistrationStatus.Returned))
            .ToListAsync(ct);
        var byNumber = registrations.ToDictionary(r => r.IdNumber);
        var processed = zip.Files
            .Select(f => byNumber.ContainsKey(f.IdNumber) ? processor.Process(f) : new ProcessedAttachment(f, null, null, null))
            .ToList();
        var held = registrations.ToDictionary(r => r.IdNumber, r => (IReadOnlyCollection<DocumentSlot>)r.Documents.Select(d => d.Slot).ToList());
        var people = AttachmentReport.ForPeople(processed, zip.Unrecognised, byNumber.Keys.ToList(), held);

        var now = clock.GetUtcNow();
        var attached = 0;
        try
        {
            foreach (var item in processed.Where(p => p.File is not null && byNumber.ContainsKey(p.Entry.IdNumber)))
            {
                var fileId = files.Add(staff.UserId, $"{item.Entry.Slot}{item.File!.Extension}", item.File.ContentType, item.File.Content);
                byNumber[item.Entry.IdNumber].AttachDocument(item.Entry.Slot, fileId, staff, now, batch.Schedule);
                attached++;
            }
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            return new AttachmentImportResult([ex.Message], [], [], 0);
        }

        await db.SaveChangesAsync(ct);
        return new AttachmentImportResult([], people, zip.Unrecognised, attached);
    }
}
