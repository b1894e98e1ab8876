using ExamPortal.Domain.People;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Account;

/// <summary>账户与联系方式: change the mobile number (the sign-in name) or the e-mail after confirming a code sent to the new one.</summary>
public sealed class IndexModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ContactChange contacts) : PageModel
{
    [BindProperty] public string? NewMobile { get; set; }
    [BindProperty] public string? NewEmail { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public AccountCodePurpose? Pending { get; set; }
    public PortalUser Account { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostMobileCodeAsync(CancellationToken ct) =>
        await SentAsync(await contacts.SendMobileCodeAsync(User.UserId(), NewMobile, ct), AccountCodePurpose.MobileChange, $"验证码已发送到新手机号码 {MaskedNewMobile()}，10分钟内有效");

    public async Task<IActionResult> OnPostEmailCodeAsync(CancellationToken ct) =>
        await SentAsync(await contacts.SendEmailCodeAsync(User.UserId(), NewEmail, ct), AccountCodePurpose.EmailChange, "验证码已发送到新邮箱，10分钟内有效");

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (Pending is not { } purpose || !await LoadAsync())
        {
            return NotFound();
        }

        if (await contacts.ConfirmAsync(User.UserId(), purpose, Code, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
            return Page();
        }

        // The sign-in name may have changed: renew the cookie so this session carries the new security stamp.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(User.UserId()))!);
        StatusMessage = purpose == AccountCodePurpose.MobileChange ? "手机号码已更换，请以后用新手机号码登录" : "邮箱已绑定";
        return RedirectToPage();
    }

    private async Task<IActionResult> SentAsync(string? problem, AccountCodePurpose purpose, string success)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (problem is not null)
        {
            ModelState.AddModelError(purpose == AccountCodePurpose.MobileChange ? nameof(NewMobile) : nameof(NewEmail), problem);
            return Page();
        }

        Pending = purpose;
        ViewData["CodeSent"] = success;
        return Page();
    }

    private string MaskedNewMobile() => MobileNumber.TryNormalize(NewMobile, out var mobile, out _) ? MobileNumber.Mask(mobile) : string.Empty;

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(User.UserId()) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
