using ExamPortal.Web.Infrastructure.Logging;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Pages.Account;

/// <summary>
/// 登录. Failures count against the account (lockout after `Security:MaxFailedSignIns` for `Security:LockoutMinutes`);
/// the per-address limit is generous because a school's pupils share one address.
/// </summary>
[EnableRateLimiting(PortalRateLimits.SignIn)]
public sealed class SignInModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInAudit audit, IOptions<IdentityOptions> identity, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        public string Login { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Login) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "请填写手机号码（或邮箱）和密码");
            return Page();
        }

        var login = Input.Login.Trim();
        var user = await users.FindByNameAsync(login) ?? await users.FindByEmailAsync(login);
        if (user is null)
        {
            await audit.FailedAsync(null, login, ct);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.SignInLockedOut(user.Id);
            var disabled = user.LockoutEnd == DateTimeOffset.MaxValue;
            await audit.LockedOutAsync(user, login, disabled, ct);
            ModelState.AddModelError(string.Empty, disabled
                ? "该账户尚未启用或已停用：报名机构申请通过审核后方可登录；已停用的经办人请联系本机构其他经办人"
                : $"密码连续输错次数过多，账户已暂时锁定，请{LockoutMinutes}分钟后再试");
            return Page();
        }

        if (!result.Succeeded)
        {
            logger.SignInFailed(user.Id);
            await audit.FailedAsync(user, login, ct);
            return Failed();
        }

        logger.SignedIn(user.Id);
        await audit.SucceededAsync(user, login, ct);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        // The roles alone, not a second claims principal: building one costs as many queries as the sign-in's own.
        return LocalRedirect(ClaimsPrincipalExtensions.HomePath(await users.GetRolesAsync(user)));
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, $"账户或密码不正确，请检查后重试（连续输错{identity.Value.Lockout.MaxFailedAccessAttempts}次将锁定{LockoutMinutes}分钟）");
        return Page();
    }

    private int LockoutMinutes => (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
}
