using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Administration;

/// <summary>
/// Whether an institution is suspended (暂停): the one check behind every refusal to submit or pay and the banner
/// on the institution's pages. Each call is one lookup by primary key.
/// </summary>
public sealed class InstitutionStanding(PortalDbContext db)
{
    /// <summary>Null while the institution may submit and pay; otherwise the refusal, with the centre's reason.</summary>
    public async Task<WorkflowResult?> RefusalAsync(int institutionId, CancellationToken ct)
    {
        var suspension = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId && i.SuspendedAt != null)
            .Select(i => new { i.SuspensionReason }).SingleOrDefaultAsync(ct);
        return suspension is null ? null : WorkflowResult.Refused(InstitutionSuspension.Refusal(suspension.SuspensionReason));
    }

    /// <summary>The banner for a staff member's pages, or null when their institution is not suspended.</summary>
    public async Task<string?> BannerForUserAsync(string userId, CancellationToken ct)
    {
        var suspension = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.Institution!.SuspendedAt != null)
            .Select(u => new { u.Institution!.SuspensionReason }).SingleOrDefaultAsync(ct);
        return suspension is null ? null : InstitutionSuspension.Banner(suspension.SuspensionReason);
    }
}
