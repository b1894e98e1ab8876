using ExamPortal.Web.Features.Corrections;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

/// <summary>更正申请 for a registration locked by 确认收费.</summary>
public sealed class CorrectionModel(RegistrationWorkflow workflow, CorrectionWorkflow corrections) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FullName = Context.Registration.Details?.FullName;
        IdNumber = Context.Registration.IdNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await corrections.OpenAsync(id, User.ToActor(), FullName, IdNumber, Reason, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "更正申请已提交，省职鉴中心处理后会通知您。";
                return RedirectToPage("View", new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null || !context.Registration.IsLocked)
        {
            return false;
        }

        Context = context;
        return true;
    }
}
