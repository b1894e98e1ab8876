using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Batches;

/// <summary>The batch form shared by Create and Edit: bind, let BatchSetup check and save, show its messages beside the inputs.</summary>
public abstract class BatchFormModel(BatchSetup setup) : PageModel
{
    [BindProperty] public BatchInput Input { get; set; } = new();
    public BatchFormChoices Choices { get; private set; } = default!;
    public abstract int? BatchId { get; }
    [TempData] public string? StatusMessage { get; set; }

    protected BatchSetup Setup => setup;

    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices = await setup.FormChoicesAsync(BatchId, Input, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await setup.SaveAsync(BatchId, Input, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = string.Join(" ", ["批次已保存。", .. result.Warnings.Select(w => "提醒：" + w)]);
                return RedirectToPage("Index", new { year = Input.Year });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddErrors(result);
                return await ShowAsync(ct);
        }
    }
}
