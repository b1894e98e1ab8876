using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Certificates;

/// <summary>
/// A certificate with what pages and documents show. IdNumber is for the holder's own documents only.
/// Member-initialised (not positional) so that queries can still filter and sort on it after the projection.
/// </summary>
public sealed record CertificateRow
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public Guid RegistrationId { get; init; }

    public string FullName { get; init; } = string.Empty;

    public IdDocumentType IdDocumentType { get; init; }

    public string IdNumber { get; init; } = string.Empty;

    public string ProjectName { get; init; } = string.Empty;

    public int BatchId { get; init; }

    public int BatchYear { get; init; }

    public int BatchNumber { get; init; }

    public DateOnly ExamDate { get; init; }

    public DateOnly IssueDate { get; init; }

    public Guid? PhotoFileId { get; init; }

    public string? CandidateUserId { get; init; }

    public int? InstitutionId { get; init; }

    public string? InstitutionName { get; init; }

    public DateTimeOffset? CollectedAt { get; init; }

    public string? CollectedBy { get; init; }

    public string? CollectionNote { get; init; }

    public string? HandedOverBy { get; init; }

    public string MaskedIdNumber => IdentityNumber.Mask(IdNumber);

    public string BatchTitle => Batch.TitleOf(BatchYear, BatchNumber);
}

public sealed record ShareLinkRow(Guid Id, string Token, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset at) => RevokedAt is null && at < ExpiresAt;
}

public sealed class CertificateQueries(PortalDbContext db)
{
    public const int PageSize = 50;

    internal IQueryable<CertificateRow> Source() =>
        from c in db.Certificates
        join b in db.Batches on c.BatchId equals b.Id
        select new CertificateRow
        {
            Id = c.Id,
            Number = c.Number,
            RegistrationId = c.RegistrationId,
            FullName = c.FullName,
            IdDocumentType = c.IdDocumentType,
            IdNumber = c.IdNumber,
            ProjectName = c.ProjectName,
            BatchId = c.BatchId,
            BatchYear = b.Year,
            BatchNumber = b.Number,
            ExamDate = b.ExamDate,
            IssueDate = c.IssueDate,
            PhotoFileId = c.PhotoFileId,
            CandidateUserId = c.CandidateUserId,
            InstitutionId = c.InstitutionId,
            InstitutionName = db.Institutions.Where(i => i.Id == c.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            CollectedAt = c.CollectedAt,
            CollectedBy = c.CollectedBy,
            CollectionNote = c.CollectionNote,
            HandedOverBy = db.Users.Where(u => u.Id == c.HandedOverByUserId).Select(u => u.FullName).FirstOrDefault(),
        };

    public async Task<CertificateRow?> ByNumberAsync(string? number, CancellationToken ct)
    {
        var normalized = CertificateNumber.Normalize(number);
        return normalized.Length == 0 ? null : await Source().SingleOrDefaultAsync(c => c.Number == normalized, ct);
    }

    /// <summary>The public query by name + ID number: one indexed lookup on the ID number, the name compared exactly.</summary>
    public async Task<IReadOnlyList<CertificateRow>> ByIdentityAsync(string idNumber, string fullName, CancellationToken ct)
    {
        var number = IdentityNumber.Normalize(idNumber);
        var name = fullName.Trim();
        return await Source().Where(c => c.IdNumber == number && c.FullName == name).OrderByDescending(c => c.IssueDate).ToListAsync(ct);
    }

    public async Task<CertificateRow?> ForCandidateAsync(Guid registrationId, string userId, CancellationToken ct) =>
        await Source().SingleOrDefaultAsync(c => c.RegistrationId == registrationId && c.CandidateUserId == userId, ct);

    public async Task<CertificateRow?> ForInstitutionAsync(Guid certificateId, int institutionId, CancellationToken ct) =>
        await Source().SingleOrDefaultAsync(c => c.Id == certificateId && c.InstitutionId == institutionId, ct);

    public async Task<CertificateRow?> ByIdAsync(Guid certificateId, CancellationToken ct) =>
        await Source().SingleOrDefaultAsync(c => c.Id == certificateId, ct);

    public async Task<Page<CertificateRow>> PageAsync(IQueryable<CertificateRow> selection, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var number = Math.Max(page, 1);
        var total = await selection.CountAsync(ct);
        var rows = await selection.OrderBy(c => c.BatchId).ThenBy(c => c.ProjectName).ThenBy(c => c.FullName)
            .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<CertificateRow>(rows, number, PageSize, total);
    }

    public IQueryable<CertificateRow> OfInstitution(int institutionId, int? batchId) =>
        Source().Where(c => c.InstitutionId == institutionId && (batchId == null || c.BatchId == batchId));

    /// <summary>证书台账: a batch's certificates, narrowed by number or name and by whether they were collected.</summary>
    public IQueryable<CertificateRow> Ledger(int? batchId, string? search, bool? collected)
    {
        var query = Source().Where(c => batchId == null || c.BatchId == batchId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var number = CertificateNumber.Normalize(text);
            query = query.Where(c => c.Number == number || c.FullName == text || (c.InstitutionName != null && c.InstitutionName.Contains(text)));
        }

        return collected switch
        {
            true => query.Where(c => c.CollectedAt != null),
            false => query.Where(c => c.CollectedAt == null),
            _ => query,
        };
    }

    public async Task<IReadOnlyList<ShareLinkRow>> SharesAsync(Guid certificateId, CancellationToken ct) =>
        await db.CertificateShareLinks.AsNoTracking().Where(l => l.CertificateId == certificateId).OrderByDescending(l => l.CreatedAt)
            .Select(l => new ShareLinkRow(l.Id, l.Token, l.CreatedAt, l.ExpiresAt, l.RevokedAt)).ToListAsync(ct);

    public async Task<(CertificateRow Certificate, ShareLinkRow Link)?> SharedAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        var link = await db.CertificateShareLinks.AsNoTracking().Where(l => l.Token == token)
            .Select(l => new { Row = new ShareLinkRow(l.Id, l.Token, l.CreatedAt, l.ExpiresAt, l.RevokedAt), l.CertificateId })
            .SingleOrDefaultAsync(ct);
        return link is null || await ByIdAsync(link.CertificateId, ct) is not { } certificate ? null : (certificate, link.Row);
    }
}
