using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Workbench;

public sealed record CandidateProfile(string FullName, IdDocumentType? IdDocumentType, string? MaskedIdNumber, Gender? Gender, DateOnly? BirthDate, string? MaskedMobile);

public sealed record InstitutionProfile(string Name, string CreditCode, string ContactPerson, string ContactPhone, string Address, IReadOnlyList<string> StaffNames);

public sealed class WorkbenchQueries(PortalDbContext db)
{
    public async Task<CandidateProfile?> CandidateAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.IdDocumentType, u.IdNumber, u.Gender, u.BirthDate, u.PhoneNumber })
            .SingleOrDefaultAsync(ct);
        return user is null
            ? null
            : new CandidateProfile(user.FullName, user.IdDocumentType, user.IdNumber is null ? null : IdentityNumber.Mask(user.IdNumber), user.Gender, user.BirthDate, user.PhoneNumber is null ? null : MobileNumber.Mask(user.PhoneNumber));
    }

    public async Task<InstitutionProfile?> InstitutionOfAsync(string userId, CancellationToken ct)
    {
        var institutionId = await db.Users.Where(u => u.Id == userId).Select(u => u.InstitutionId).SingleOrDefaultAsync(ct);
        if (institutionId is null)
        {
            return null;
        }

        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == institutionId, ct);
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.InstitutionId == institutionId)
            .OrderBy(u => u.FullName)
            .Select(u => u.FullName)
            .ToListAsync(ct);
        return new InstitutionProfile(institution.Name, institution.CreditCode, institution.ContactPerson, institution.ContactPhone, institution.Address, staff);
    }
}
