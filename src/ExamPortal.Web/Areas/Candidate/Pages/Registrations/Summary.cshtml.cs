using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class SummaryModel(RegistrationWorkflow workflow, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public WizardState Wizard { get; private set; } = default!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public EligibilityResult? Eligibility { get; private set; }
    public bool CanEdit { get; private set; }
    [BindProperty] public uint Version { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await workflow.SubmitAsync(id, Version, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Ok:
                StatusMessage = "报名已提交，请等待审核。审核结果会通过“消息”通知您。";
                return RedirectToPage("View", new { id });
            default:
                await LoadAsync(id, ct);
                ModelState.AddModelError(string.Empty, result.Message!);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Version = context.Registration.Version;
        Wizard = WizardState.Of(context.Registration, WizardStep.Summary);
        Missing = context.Registration.MissingForSubmission();
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        if (context.Registration.Details is { } details)
        {
            Eligibility = context.Project.Eligibility.Evaluate(details.ToQualification(), clock.Today);
        }

        return true;
    }
}
