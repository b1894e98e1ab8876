using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// Every sign-in attempt in the audit trail: who (the account, or "anonymous" when the login matches none), the login
/// as typed but masked, and why it failed. A candidate's entries carry the key of their ID number, so the person search
/// finds their sign-ins too.
/// </summary>
public sealed class SignInAudit(PortalDbContext db, UserManager<PortalUser> users, PersonKeys keys, TimeProvider clock)
{
    public const string WrongPassword = "密码错误";
    public const string UnknownAccount = "账户不存在";
    public const string TooManyFailures = "密码连续输错，账户已暂时锁定";
    public const string AccountDisabled = "账户尚未启用或已停用";

    public Task SucceededAsync(PortalUser user, string login, CancellationToken ct) =>
        RecordAsync(user, AuditTrail.SignInSucceeded, $"登录成功，登录名 {MaskLogin(login)}", ct);

    public async Task FailedAsync(PortalUser? user, string login, CancellationToken ct)
    {
        if (user is null)
        {
            AuditTrail.RecordAnonymous(db, clock.GetUtcNow(), AuditTrail.SignInFailed, "登录", $"登录失败，登录名 {MaskLogin(login)}，原因：{UnknownAccount}");
            await db.SaveChangesAsync(ct);
            return;
        }

        await RecordAsync(user, AuditTrail.SignInFailed, $"登录失败，登录名 {MaskLogin(login)}，原因：{WrongPassword}", ct);
    }

    public Task LockedOutAsync(PortalUser user, string login, bool disabled, CancellationToken ct) =>
        RecordAsync(user, AuditTrail.SignInLockedOut, $"登录被拒绝，登录名 {MaskLogin(login)}，原因：{(disabled ? AccountDisabled : TooManyFailures)}", ct);

    /// <summary>A login as the trail shows it: e-mail and mobile masked by the portal's rules, anything else all but its last four characters.</summary>
    public static string MaskLogin(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var text = login.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return EmailAddress.Mask(text);
        }

        return MobileNumber.TryNormalize(text, out var mobile, out _) ? MobileNumber.Mask(mobile) : IdentityNumber.Mask(text);
    }

    private async Task RecordAsync(PortalUser user, string action, string details, CancellationToken ct)
    {
        // As User.ToActor(): an account has one role, except an institution's first account awaiting approval.
        var roles = await users.GetRolesAsync(user);
        if (!Enum.GetValues<Role>().Any(r => roles.Contains(r.ToString())))
        {
            AuditTrail.RecordWithoutRole(db, user.Id, clock.GetUtcNow(), action, $"账户 {user.Id}", details);
            await db.SaveChangesAsync(ct);
            return;
        }

        var role = Enum.GetValues<Role>().First(r => roles.Contains(r.ToString()));
        var personKey = role == Role.Candidate && !string.IsNullOrEmpty(user.IdNumber) ? await keys.ForAsync(user.IdNumber, ct) : null;
        var actor = new Actor(user.Id, role);
        AuditTrail.Record(db, actor, clock.GetUtcNow(), action, $"账户 {user.Id}", details, personKey: personKey);
        await db.SaveChangesAsync(ct);
    }
}
