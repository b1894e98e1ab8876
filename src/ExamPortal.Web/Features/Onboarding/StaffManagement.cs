using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Onboarding;

public sealed record Colleague(string UserId, string FullName, string Email, bool IsDisabled);

/// <summary>Institution staff add and disable colleagues of their own institution, never of another.</summary>
public sealed class StaffManagement(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(int institutionId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.InstitutionId == institutionId).OrderBy(u => u.FullName)
            .Select(u => new Colleague(u.Id, u.FullName, u.Email ?? u.UserName!, u.LockoutEnd == DateTimeOffset.MaxValue))
            .ToListAsync(ct);

    public async Task<IReadOnlyDictionary<string, string>> AddAsync(Actor by, int institutionId, StaffInput input, CancellationToken ct)
    {
        InstitutionStaffRules.RequireCanManageColleagues(by, institutionId, institutionId);
        var email = input.Email.Trim();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = input.FullName.Trim(), InstitutionId = institutionId, CreatedAt = clock.GetUtcNow() };
        if (await users.FindByNameAsync(email) is not null)
        {
            return new Dictionary<string, string> { [nameof(StaffInput.Email)] = "该邮箱已注册账户，请换一个邮箱" };
        }

        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new Dictionary<string, string> { [nameof(StaffInput.Password)] = string.Join("；", created.Errors.Select(e => e.Description)) };
        }

        await users.AddToRoleAsync(user, nameof(Role.InstitutionStaff));
        return new Dictionary<string, string>();
    }

    /// <summary>Disabling signs the colleague out everywhere: the security stamp changes with the lockout.</summary>
    public async Task<WorkflowResult> SetDisabledAsync(Actor by, int institutionId, string userId, bool disabled, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.InstitutionId == institutionId, ct);
        if (user is null)
        {
            return WorkflowResult.NotFound;
        }

        try
        {
            InstitutionStaffRules.RequireCanManageColleagues(by, institutionId, user.InstitutionId!.Value);
            if (disabled)
            {
                InstitutionStaffRules.RequireCanDisable(by, userId);
            }
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        return WorkflowResult.Ok;
    }
}
