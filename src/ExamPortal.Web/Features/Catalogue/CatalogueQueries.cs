using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Catalogue;

public sealed record ProjectRow(string Code, string Name, EligibilityRule Eligibility, decimal Fee, bool FeeIsProvisional);

public sealed class CatalogueQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<ProjectRow>> ActiveAsync(CancellationToken ct) =>
        await db.Projects.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new ProjectRow(p.Code, p.Name, p.Eligibility, p.Fee, p.FeeIsProvisional))
            .ToListAsync(ct);

    public Task<ProjectRow?> ByCodeAsync(string code, CancellationToken ct) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Code == code && p.IsActive)
            .Select(p => new ProjectRow(p.Code, p.Name, p.Eligibility, p.Fee, p.FeeIsProvisional))
            .SingleOrDefaultAsync(ct);
}
