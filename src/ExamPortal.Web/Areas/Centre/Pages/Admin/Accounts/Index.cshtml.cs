using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Verification;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Accounts;

/// <summary>工作人员账户 (CentreAdmin): find a staff account and e-mail it a password reset link; each reset is audited.</summary>
public sealed class IndexModel(StaffPasswordReset resets, IConfiguration configuration, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public string? UserId { get; set; }
    public Page<StaffAccount> Accounts { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Accounts = await resets.ListAsync(Search, pageNumber, ct);

    public IActionResult OnGetExport(CancellationToken ct) =>
        export.File(User.ToActor(), "工作人员账户", $"查找：{(string.IsNullOrWhiteSpace(Search) ? "无" : Search.Trim())}", exports.Accounts(Search, ct));

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(UserId))
        {
            return NotFound();
        }

        var link = PublicUrl.For(Request, configuration, "/Account/ResetPassword");
        var result = await resets.SendLinkAsync(UserId, (id, token) => $"{link(string.Empty)}?userId={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}",
            User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "已向该工作人员的邮箱发送密码重置链接（24小时内有效）";
                return RedirectToPage(new { Search });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                Accounts = await resets.ListAsync(Search, 1, ct);
                return Page();
        }
    }
}
