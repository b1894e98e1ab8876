using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Accounts;

/// <summary>
/// A candidate changes mobile number (which is also the sign-in name) or e-mail after confirming a code sent to the
/// NEW contact, so nobody can move an account to a number they do not hold. Each change is audited.
/// </summary>
public sealed class ContactChange(PortalDbContext db, UserManager<PortalUser> users, AccountCodes codes, Outbox.Outbox outbox, TimeProvider clock, PersonKeys keys)
{
    public async Task<string?> SendMobileCodeAsync(string userId, string? newMobile, CancellationToken ct)
    {
        if (!MobileNumber.TryNormalize(newMobile, out var mobile, out var error))
        {
            return error;
        }

        if (await users.FindByNameAsync(mobile) is not null)
        {
            return "该手机号码已注册账户，不能绑定；如是您本人的另一个账户，请联系省职鉴中心";
        }

        if (await codes.IssueAsync(userId, AccountCodePurpose.MobileChange, mobile, ct) is not { } code)
        {
            return "验证码发送过于频繁，请1分钟后再试";
        }

        outbox.Sms(mobile, $"【四川省专项职业能力考核】您正在更换绑定手机，验证码 {code}，10分钟内有效。", userId);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> SendEmailCodeAsync(string userId, string? newEmail, CancellationToken ct)
    {
        var email = (newEmail ?? string.Empty).Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            return "请填写正确的邮箱地址，例如 name@example.com";
        }

        if (await codes.IssueAsync(userId, AccountCodePurpose.EmailChange, email, ct) is not { } code)
        {
            return "验证码发送过于频繁，请1分钟后再试";
        }

        outbox.Email(email, "绑定邮箱验证码", $"您正在四川省专项职业能力考核报名平台绑定邮箱，验证码 {code}，10分钟内有效。如非本人操作，请忽略。", userId);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> ConfirmAsync(string userId, AccountCodePurpose purpose, string? code, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "找不到账户";
        }

        var (result, accepted) = await codes.CheckAsync(userId, purpose, code, ct);
        if (result != CodeCheck.Accepted)
        {
            return result == CodeCheck.Wrong ? "验证码不正确，请核对后重新输入" : "验证码已失效，请重新获取";
        }

        var target = accepted!.Target;
        var before = purpose == AccountCodePurpose.MobileChange ? user.PhoneNumber : user.Email;
        IdentityResult changed;
        if (purpose == AccountCodePurpose.MobileChange)
        {
            if (await users.FindByNameAsync(target) is not null)
            {
                return "该手机号码已注册账户，不能绑定";
            }

            user.UserName = target;
            user.PhoneNumber = target;
            user.PhoneNumberConfirmed = true;
        }
        else
        {
            user.Email = target;
            user.EmailConfirmed = true;
        }

        changed = await users.UpdateAsync(user);
        if (!changed.Succeeded)
        {
            return string.Join("；", changed.Errors.Select(e => e.Description));
        }

        AuditTrail.Record(db, new Actor(userId, Role.Candidate), clock.GetUtcNow(), AuditTrail.ContactChanged, $"账户 {userId}",
            purpose == AccountCodePurpose.MobileChange
                ? $"更换手机号码：{MaskOrNone(before, MobileNumber.Mask)} → {MobileNumber.Mask(target)}"
                : $"更换邮箱：{MaskOrNone(before, MaskEmail)} → {MaskEmail(target)}",
            personKey: user.IdNumber is { } held ? await keys.ForAsync(held, ct) : null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    private static string MaskOrNone(string? value, Func<string, string> mask) => string.IsNullOrEmpty(value) ? "（无）" : mask(value);
}
