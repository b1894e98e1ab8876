using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Features.Registrations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExamPortal.Web.Features.Administration;

/// <summary>A new centre staff account as typed by the admin; the person sets a password through the e-mailed reset link.</summary>
public sealed class CentreStaffInput
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public Role Role { get; set; } = Role.CentreReviewer;
}

public sealed class CentreStaffInputValidator : AbstractValidator<CentreStaffInput>
{
    public CentreStaffInputValidator()
    {
        RuleFor(x => x.FullName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写工作人员姓名")
            .MaximumLength(50).WithMessage("姓名不能超过50字");
        RuleFor(x => x.Email).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写工作人员的邮箱，它是登录名，重置密码链接也发到这里")
            .EmailAddress().WithMessage("邮箱格式不正确，例如 wang@scosta.gov.cn")
            .MaximumLength(256).WithMessage("邮箱不能超过256个字符");
        RuleFor(x => x.Role).Must(CentreStaffRules.IsCentreRole).WithMessage("请选择省职鉴中心的角色：审核人员、财务人员、考务人员或管理员");
    }
}

/// <summary>
/// 工作人员账户 (CentreAdmin): creates centre staff accounts, changes their role, disables and enables staff accounts.
/// Disabling renews the security stamp, so the person's sessions end within the validation interval; a role change keeps
/// the stamp, and the same validation re-reads the roles, so open sessions carry on with the new role.
/// </summary>
public sealed class CentreStaffAdministration(PortalDbContext db, UserManager<PortalUser> users, StaffPasswordReset resets, TimeProvider clock)
{
    private const int AdvisoryLockClass = 0x5354_4146; // "STAF"

    /// <summary>Creates the account and e-mails the password link; the refusal names the field to change.</summary>
    public async Task<WorkflowResult> CreateAsync(CentreStaffInput input, Func<string, string, string> link, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(admin);
        try
        {
            CentreStaffRules.RequireCentreRole(input.Role);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        var email = input.Email!.Trim();
        if (await users.FindByNameAsync(email) is not null || await users.FindByEmailAsync(email) is not null)
        {
            return WorkflowResult.Refused($"邮箱 {email} 已有账户，请换一个邮箱");
        }

        var now = clock.GetUtcNow();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = input.FullName!.Trim(), CreatedAt = now };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return WorkflowResult.Refused(string.Join("；", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, input.Role.ToString());
        AuditTrail.Record(db, admin, now, AuditTrail.StaffCreated, $"账户 {email}", $"新建工作人员{user.FullName}，角色：{Roles.DisplayName(input.Role)}");
        await db.SaveChangesAsync(ct);
        return await resets.SendLinkAsync(user.Id, link, admin, ct);
    }

    public async Task<WorkflowResult> ChangeRoleAsync(string userId, Role role, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var transaction = await OneAtATimeAsync(ct);
        var (user, current) = await CentreUserAsync(userId);
        if (user is null || current is null)
        {
            return WorkflowResult.NotFound;
        }

        if (current == role)
        {
            return WorkflowResult.Refused($"该账户已经是{Roles.DisplayName(role)}");
        }

        try
        {
            CentreStaffRules.RequireCentreRole(role);
            if (current == Role.CentreAdmin && !IsDisabled(user))
            {
                CentreStaffRules.RequireAnAdminLeft(await ActiveAdminsAsync(ct) - 1);
            }
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        await users.RemoveFromRoleAsync(user, current.Value.ToString());
        await users.AddToRoleAsync(user, role.ToString());
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.StaffRoleChanged, $"账户 {user.Email}",
            $"{user.FullName}的角色：{Roles.DisplayName(current.Value)}→{Roles.DisplayName(role)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    /// <summary>Any staff account (centre or institution); never a candidate's, never one's own, never the last active admin.</summary>
    public async Task<WorkflowResult> SetDisabledAsync(string userId, bool disabled, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var transaction = await OneAtATimeAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsInRoleAsync(user, nameof(Role.Candidate)))
        {
            return WorkflowResult.NotFound;
        }

        if (IsDisabled(user) == disabled)
        {
            return WorkflowResult.Refused(disabled ? "该账户已经停用" : "该账户未被停用");
        }

        try
        {
            if (disabled)
            {
                CentreStaffRules.RequireCanDisable(admin, userId);
                if (await users.IsInRoleAsync(user, nameof(Role.CentreAdmin)))
                {
                    CentreStaffRules.RequireAnAdminLeft(await ActiveAdminsAsync(ct) - 1);
                }
            }
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), disabled ? AuditTrail.StaffDisabled : AuditTrail.StaffEnabled, $"账户 {user.Email}",
            $"{(disabled ? "停用" : "启用")}{user.FullName}的账户");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    // Two admins demoting or disabling two different admins at once would each see one admin left and together leave
    // none: role and disable changes take turns, each in a transaction holding the staff lock until it commits.
    private async Task<IDbContextTransaction> OneAtATimeAsync(CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, 0)", ct);
        return transaction;
    }

    // Disabled as StaffManagement disables: locked out for ever; a lockout after failed sign-ins ends by itself.
    private static bool IsDisabled(PortalUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    private Task<int> ActiveAdminsAsync(CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == nameof(Role.CentreAdmin) && u.LockoutEnd != DateTimeOffset.MaxValue
         select u.Id).CountAsync(ct);

    private async Task<(PortalUser? User, Role? Role)> CentreUserAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (null, null);
        }

        var role = (await users.GetRolesAsync(user)).Select(r => Enum.TryParse<Role>(r, out var parsed) ? parsed : (Role?)null)
            .FirstOrDefault(r => r is { } known && CentreStaffRules.IsCentreRole(known));
        return (user, role);
    }
}
