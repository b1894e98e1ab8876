using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class NewModel(RegistrationQueries queries, RegistrationWorkflow workflow) : PageModel
{
    public IReadOnlyList<OpenBatch> Open { get; private set; } = [];
    public DateOnly? NextOpening { get; private set; }
    public Guid? ExistingId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        var result = await workflow.StartAsync(User.ToActor(), planId, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                return RedirectToPage("Details", new { id = result.RelatedId });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                ExistingId = result.RelatedId;
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Open = await queries.OpenForRegistrationAsync(ct);
        NextOpening = Open.Count == 0 ? await queries.NextRegistrationOpeningAsync(ct) : null;
    }
}
