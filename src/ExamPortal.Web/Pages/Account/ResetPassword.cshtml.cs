using ExamPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Account;

/// <summary>Where a staff member's reset link lands (sent by a CentreAdmin): set a new password.</summary>
public sealed class ResetPasswordModel(StaffPasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await reset.ResetAsync(UserId, Token, NewPassword, ct) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        TempData["StatusMessage"] = "密码已设置，请用新密码登录。";
        return RedirectToPage("/Account/SignIn");
    }
}
