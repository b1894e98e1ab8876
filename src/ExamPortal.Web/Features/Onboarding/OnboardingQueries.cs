using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Onboarding;

public sealed record ApplicationListItem(Guid Id, string Name, string CreditCode, InstitutionType Type, string ContactPerson, InstitutionApplicationStatus Status, DateTimeOffset SubmittedAt);

public sealed class OnboardingQueries(PortalDbContext db)
{
    public async Task<Page<ApplicationListItem>> ListAsync(InstitutionApplicationStatus status, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.InstitutionApplications.AsNoTracking().Where(a => a.Status == status);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.SubmittedAt)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Select(a => new ApplicationListItem(a.Id, a.Name, a.CreditCode, a.Type, a.ContactPerson, a.Status, a.SubmittedAt))
            .ToListAsync(ct);
        return new Page<ApplicationListItem>(items, page, RegistrationQueries.PageSize, total);
    }

    public Task<InstitutionApplication?> OneAsync(Guid id, CancellationToken ct) =>
        db.InstitutionApplications.AsNoTracking().Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, ct);
}
