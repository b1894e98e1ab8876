using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Pages.Account;

/// <summary>找回密码 (candidates): name + ID number + mobile, a code, a new password. Answers never reveal whether an account matched.
/// Recovery is a public lookup like the ticket download: the same per-address limit keeps guessing slow.</summary>
[EnableRateLimiting(PortalRateLimits.PublicLookup)]
public sealed class RecoverModel(PasswordRecovery recovery) : PageModel
{
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    public bool CodeRequested { get; private set; }
    public string? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(FullName) || string.IsNullOrWhiteSpace(IdNumber) || string.IsNullOrWhiteSpace(Mobile))
        {
            ModelState.AddModelError(string.Empty, "请填写姓名、证件号码和注册时的手机号码");
            return Page();
        }

        await recovery.RequestAsync(FullName, IdNumber, Mobile, ct);
        CodeRequested = true;
        Outcome = PasswordRecovery.CodeSent;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        CodeRequested = true;
        if (await recovery.ResetAsync(FullName, IdNumber, Mobile, Code, NewPassword, ct) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        TempData["StatusMessage"] = "密码已重置，请用新密码登录。其他设备上的登录已失效。";
        return RedirectToPage("/Account/SignIn");
    }
}
