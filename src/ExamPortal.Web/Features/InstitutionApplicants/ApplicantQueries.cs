using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

public sealed record ApplicantListItem(Guid Id, string FullName, string MaskedIdNumber, string ProjectName, string BatchTitle, RegistrationStatus Status, int DocumentCount, bool FirstReviewPassed);

/// <summary>An institution's own applicants, never another's: every query starts from the institution id.</summary>
public sealed class ApplicantQueries(PortalDbContext db)
{
    public async Task<Page<ApplicantListItem>> ListAsync(int institutionId, int? batchId, RegistrationStatus? status, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Registrations.AsNoTracking().Where(r => r.InstitutionId == institutionId);
        if (batchId is { } batch)
        {
            query = query.Where(r => r.BatchId == batch);
        }

        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.IdNumber)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new
            {
                r.Id, r.Details, r.IdNumber, ProjectName = p.Project.Name, p.Batch.Year, p.Batch.Number, r.Status, Documents = r.Documents.Count, r.FirstReviewPassedAt,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new ApplicantListItem(r.Id, r.Details?.FullName ?? string.Empty, IdentityNumber.Mask(r.IdNumber), r.ProjectName,
            Batch.TitleOf(r.Year, r.Number), r.Status, r.Documents, r.FirstReviewPassedAt is not null)).ToList();
        return new Page<ApplicantListItem>(items, page, RegistrationQueries.PageSize, total);
    }
}
