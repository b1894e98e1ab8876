using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Accounts;

/// <summary>新建中心工作人员账户 (CentreAdmin): name, e-mail and role; the person sets a password through the e-mailed link.</summary>
public sealed class NewModel(CentreStaffAdministration staff, IValidator<CentreStaffInput> validator, IConfiguration configuration) : PageModel
{
    [BindProperty] public CentreStaffInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var result = await staff.CreateAsync(Input, ResetLink.For(Request, configuration), User.ToActor(), ct);
        if (result.Outcome != WorkflowOutcome.Ok)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(CentreStaffInput.Email)}", result.Message ?? "未能新建账户");
            return Page();
        }

        StatusMessage = $"已新建{Input.FullName?.Trim()}的账户，并向 {Input.Email?.Trim()} 发送了设置密码的链接（24小时内有效）";
        return RedirectToPage("Index", new { Search = Input.Email?.Trim() });
    }
}
