using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Institutions;

/// <summary>One institution (CentreAdmin): its details and staff; suspend it with a reason, or reinstate it.</summary>
public sealed class DetailsModel(InstitutionAdministration institutions) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    public InstitutionDetail Institution { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuspendAsync(int id, CancellationToken ct) =>
        await Outcome(id, await institutions.SuspendAsync(id, Reason, User.ToActor(), ct), "已暂停该机构：其经办人仍可登录查看，但不能提交考生或缴费", ct);

    public async Task<IActionResult> OnPostReinstateAsync(int id, CancellationToken ct) =>
        await Outcome(id, await institutions.ReinstateAsync(id, User.ToActor(), ct), "已恢复该机构，可以正常提交和缴费", ct);

    private async Task<IActionResult> Outcome(int id, WorkflowResult result, string success, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = success;
                return RedirectToPage(new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(nameof(Reason), result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await institutions.DetailAsync(id, ct) is not { } institution)
        {
            return false;
        }

        Institution = institution;
        return true;
    }
}
