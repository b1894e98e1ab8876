using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Accounts;

/// <summary>CentreRole: the account's role when it is a centre role (its role can be changed); IsDisabled: disabled by an admin or colleague.</summary>
public sealed record StaffAccount(string UserId, string FullName, string? Email, string Role, string? InstitutionName, bool IsLockedOut, ExamPortal.Domain.Common.Role? CentreRole, bool IsDisabled);

/// <summary>
/// Staff (institution and centre) do not recover passwords alone: a CentreAdmin sends a reset link to the staff
/// member's e-mail. The link carries Identity's one-day reset token; the reset is audited and signs out other sessions.
/// </summary>
public sealed class StaffPasswordReset(PortalDbContext db, UserManager<PortalUser> users, Outbox.Outbox outbox, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<Page<StaffAccount>> ListAsync(string? search, int page, CancellationToken ct)
    {
        var number = Math.Max(page, 1);
        var text = search?.Trim();
        var query =
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name != nameof(Role.Candidate)
                && (string.IsNullOrEmpty(text) || u.Email == text || u.FullName == text || (u.Institution != null && u.Institution.Name.Contains(text)))
            orderby r.Name, u.FullName
            select new { u.Id, u.FullName, u.Email, Role = r.Name!, Institution = u.Institution != null ? u.Institution.Name : null, u.LockoutEnd };
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Page<StaffAccount>([.. rows.Select(r =>
        {
            var known = Enum.TryParse<Role>(r.Role, out var role);
            return new StaffAccount(r.Id, r.FullName, r.Email, known ? Roles.DisplayName(role) : r.Role, r.Institution, r.LockoutEnd > now,
                known && CentreStaffRules.IsCentreRole(role) ? role : null, r.LockoutEnd == DateTimeOffset.MaxValue);
        })], number, PageSize, total);
    }

    public async Task<WorkflowResult> SendLinkAsync(string userId, Func<string, string, string> link, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(admin);
        if (admin.Role != Role.CentreAdmin)
        {
            return WorkflowResult.Refused("只有省职鉴中心管理员可以重置工作人员密码");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsInRoleAsync(user, nameof(Role.Candidate)))
        {
            return WorkflowResult.NotFound;
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            return WorkflowResult.Refused("该账户没有登记邮箱，无法发送重置链接，请先为其登记邮箱");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        outbox.Email(user.Email, "重置登录密码", $"{user.FullName}：省职鉴中心管理员为您发起了密码重置。请在24小时内打开以下链接设置新密码：{link(user.Id, token)}", user.Id);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.StaffPasswordReset, $"账户 {user.Email}", $"向{user.FullName}发送密码重置链接");
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }

    /// <summary>Null when the password was set; otherwise what to change.</summary>
    public async Task<string?> ResetAsync(string? userId, string? token, string? newPassword, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token))
        {
            return "重置链接无效或已过期，请联系省职鉴中心管理员重新发送";
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? "重置链接无效或已过期，请联系省职鉴中心管理员重新发送"
                : string.Join("；", result.Errors.Select(e => e.Description));
        }

        await users.ResetAccessFailedCountAsync(user);
        var role = (await users.GetRolesAsync(user)).Select(r => Enum.TryParse<Role>(r, out var parsed) ? parsed : (Role?)null).FirstOrDefault(r => r is not null) ?? Role.InstitutionStaff;
        AuditTrail.Record(db, new Actor(user.Id, role), clock.GetUtcNow(), AuditTrail.StaffPasswordReset, $"账户 {user.Email}", "通过重置链接设置了新密码");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
