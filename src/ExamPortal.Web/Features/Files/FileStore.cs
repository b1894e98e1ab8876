using System.Security.Cryptography;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Files;

public sealed record FileContent(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Files live in PostgreSQL next to their metadata (docs/architecture.md): every portal instance
/// sees the same files and a backup of the database is a backup of the files.
/// </summary>
public sealed class FileStore(PortalDbContext db, TimeProvider clock)
{
    public async Task<Guid> SaveAsync(string ownerUserId, string fileName, string contentType, byte[] content, CancellationToken ct)
    {
        var id = Add(ownerUserId, fileName, contentType, content);
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>Adds a file to the unit of work without saving: it commits with the change that attaches it.</summary>
    public Guid Add(string ownerUserId, string fileName, string contentType, byte[] content)
    {
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(),
            OwnerUserId = ownerUserId,
            FileName = fileName,
            ContentType = contentType,
            Length = content.LongLength,
            Sha256 = SHA256.HashData(content),
            Content = content,
            CreatedAt = clock.GetUtcNow(),
        };
        db.StoredFiles.Add(file);
        return file.Id;
    }

    /// <summary>
    /// A file the actor may read, or null (the caller answers 404 either way, revealing nothing):
    /// the owner; centre staff for files attached to a registration and bank receipts; institution staff for files their
    /// colleagues uploaded and files of their institution's registrations.
    /// </summary>
    public async Task<FileContent?> ReadAsync(Guid fileId, Actor actor, CancellationToken ct)
    {
        var files = db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId);
        var attached = db.Registrations.Where(r => r.Documents.Any(d => d.FileId == fileId));
        files = actor.Role switch
        {
            Role.Candidate => files.Where(f => f.OwnerUserId == actor.UserId),
            Role.InstitutionStaff => files.Where(f => db.Users.Any(owner => owner.Id == f.OwnerUserId && owner.InstitutionId != null
                    && owner.InstitutionId == db.Users.Where(u => u.Id == actor.UserId).Select(u => u.InstitutionId).FirstOrDefault())
                || attached.Any(r => r.InstitutionId != null
                    && r.InstitutionId == db.Users.Where(u => u.Id == actor.UserId).Select(u => u.InstitutionId).FirstOrDefault())),
            _ => files.Where(f => attached.Any() || db.Payments.Any(p => p.ReceiptFileId == f.Id)),
        };
        return await files.Select(f => new FileContent(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(ct);
    }

    public Task<bool> IsOwnedByAsync(Guid fileId, string userId, CancellationToken ct) =>
        db.StoredFiles.AnyAsync(f => f.Id == fileId && f.OwnerUserId == userId, ct);

    public Task<Dictionary<Guid, (string ContentType, long Length)>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => (f.ContentType, f.Length), ct);
}
