using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

/// <summary>The institution a staff account belongs to: every institution query is scoped by it.</summary>
public sealed class InstitutionContext(PortalDbContext db)
{
    public Task<int?> InstitutionOfAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.InstitutionId).SingleOrDefaultAsync(ct);
}
