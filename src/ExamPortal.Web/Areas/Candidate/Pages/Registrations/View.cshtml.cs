using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class ViewModel(RegistrationWorkflow workflow, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool IsReturnOverdue { get; private set; }
    public (string What, DateOnly By)? NextStep { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return NotFound();
        }

        Context = context;
        var now = clock.GetUtcNow();
        CanEdit = context.Registration.CanEdit(now, context.Batch.Schedule);
        IsReturnOverdue = context.Registration.IsReturnOverdue(now, context.Batch.Schedule);
        NextStep = context.Registration.NextStep(now, context.Batch.Schedule);
        return Page();
    }
}
