using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Messages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Accounts;

/// <summary>
/// 找回密码 for candidates, without staff: name + ID number + the account's mobile prove who they are, a code goes to
/// that mobile by SMS (or to the account's confirmed e-mail when SMS is not configured), and the new password signs
/// every other session out (the security stamp changes). Every answer is the same whether or not an account matched.
/// Staff passwords are reset by a CentreAdmin with an e-mailed link (StaffPasswordReset).
/// </summary>
public sealed class PasswordRecovery(
    PortalDbContext db, UserManager<PortalUser> users, AccountCodes codes, Outbox.Outbox outbox, Notifier notifier, IConfiguration configuration,
    TimeProvider clock, PersonKeys keys)
{
    public const string CodeSent = "如果填写的信息与账户一致，验证码已发送到该账户绑定的手机（或邮箱），10分钟内有效。请输入验证码并设置新密码。";
    public const string CodeRejected = "验证码不正确或已失效：请核对验证码，或返回上一步重新获取（每个验证码10分钟内有效，最多可输错5次）";

    public async Task RequestAsync(string? fullName, string? idNumber, string? mobile, CancellationToken ct)
    {
        if (await FindAsync(fullName, idNumber, mobile, ct) is not { } user)
        {
            return;
        }

        var viaSms = configuration.GetValue<bool>("Sms:Enabled");
        var target = viaSms ? user.PhoneNumber : user.EmailConfirmed ? user.Email : null;
        if (string.IsNullOrEmpty(target) || await codes.IssueAsync(user.Id, AccountCodePurpose.PasswordReset, target, ct) is not { } code)
        {
            return;
        }

        var text = $"【四川省专项职业能力考核】您正在找回密码，验证码 {code}，10分钟内有效。如非本人操作，请忽略。";
        if (viaSms)
        {
            outbox.Sms(target, text, user.Id);
        }
        else
        {
            outbox.Email(target, "找回密码验证码", text, user.Id);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Null when the password was reset; otherwise what to change, never which field failed to match.</summary>
    public async Task<string?> ResetAsync(string? fullName, string? idNumber, string? mobile, string? code, string? newPassword, CancellationToken ct)
    {
        var user = await FindAsync(fullName, idNumber, mobile, ct);
        if (string.IsNullOrEmpty(newPassword))
        {
            return "请设置新密码";
        }

        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user ?? new PortalUser(), newPassword);
            if (!valid.Succeeded)
            {
                return string.Join("；", valid.Errors.Select(e => e.Description));
            }
        }

        if (user is null)
        {
            return CodeRejected;
        }

        var (result, _) = await codes.CheckAsync(user.Id, AccountCodePurpose.PasswordReset, code, ct);
        if (result != CodeCheck.Accepted)
        {
            return CodeRejected;
        }

        await db.SaveChangesAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return string.Join("；", reset.Errors.Select(e => e.Description));
        }

        await users.ResetAccessFailedCountAsync(user);
        if (user.LockoutEnd is { } end && end != DateTimeOffset.MaxValue)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        notifier.User(user.Id, "密码已重置", "您的登录密码已通过手机验证码重置，其他设备上的登录已失效。如非本人操作，请立即联系省职鉴中心（028-86156861）。");
        AuditTrail.Record(db, new Actor(user.Id, Role.Candidate), clock.GetUtcNow(), AuditTrail.PasswordRecovered, $"账户 {user.Id}", "考生通过验证码重置密码",
            personKey: user.IdNumber is { } held ? await keys.ForAsync(held, ct) : null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<PortalUser?> FindAsync(string? fullName, string? idNumber, string? mobile, CancellationToken ct)
    {
        var name = (fullName ?? string.Empty).Trim();
        var id = IdentityNumber.Normalize(idNumber);
        if (name.Length == 0 || id.Length == 0 || !MobileNumber.TryNormalize(mobile, out var phone, out _))
        {
            return null;
        }

        var candidateRole = await db.Roles.Where(r => r.Name == nameof(Role.Candidate)).Select(r => r.Id).SingleAsync(ct);
        return await db.Users.SingleOrDefaultAsync(u => u.IdNumber == id && u.PhoneNumber == phone && u.FullName == name
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == candidateRole), ct);
    }
}
