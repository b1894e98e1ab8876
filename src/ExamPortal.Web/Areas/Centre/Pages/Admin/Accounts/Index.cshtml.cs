using ExamPortal.Domain.Common;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Accounts;

/// <summary>
/// 工作人员账户 (CentreAdmin): find a staff account, e-mail it a password reset link, change a centre account's role,
/// disable or enable an account. Every change is audited.
/// </summary>
public sealed class IndexModel(StaffPasswordReset resets, CentreStaffAdministration staff, IConfiguration configuration, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public Role NewRole { get; set; }
    public Page<StaffAccount> Accounts { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Accounts = await resets.ListAsync(Search, pageNumber, ct);

    public IActionResult OnGetExport(CancellationToken ct) =>
        export.File(User.ToActor(), "工作人员账户", $"查找：{(string.IsNullOrWhiteSpace(Search) ? "无" : Search.Trim())}", exports.Accounts(Search, ct));

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        string.IsNullOrEmpty(UserId)
            ? NotFound()
            : await Outcome(await resets.SendLinkAsync(UserId, ResetLink.For(Request, configuration), User.ToActor(), ct), "已向该工作人员的邮箱发送密码重置链接（24小时内有效）", ct);

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken ct) =>
        string.IsNullOrEmpty(UserId)
            ? NotFound()
            : await Outcome(await staff.ChangeRoleAsync(UserId, NewRole, User.ToActor(), ct), $"已将该账户的角色改为{Roles.DisplayName(NewRole)}，其已登录的会话将在1分钟内按新角色生效", ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        string.IsNullOrEmpty(UserId)
            ? NotFound()
            : await Outcome(await staff.SetDisabledAsync(UserId, true, User.ToActor(), ct), "已停用该账户，其已登录的会话将在1分钟内失效", ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        string.IsNullOrEmpty(UserId)
            ? NotFound()
            : await Outcome(await staff.SetDisabledAsync(UserId, false, User.ToActor(), ct), "已启用该账户", ct);

    private async Task<IActionResult> Outcome(WorkflowResult result, string success, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = success;
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
