using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Applicants;

public sealed class DetailsModel(RegistrationWorkflow registrations, InstitutionWorkflow institution, InstitutionContext institutions, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public bool CanPass { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPassAsync(Guid id, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return NotFound();
        }

        var result = await institution.PassFirstReviewAsync(User.ToActor(), institutionId, id, ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        StatusMessage = "初审通过。提交中心复审时，本考生将随同提交。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await registrations.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Missing = context.Registration.MissingForFirstReview();
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        CanPass = context.Registration.CanPassFirstReview(User.ToActor(), clock.GetUtcNow(), context.Batch.Schedule)
            && context.Registration.FirstReviewPassedAt is null;
        return true;
    }
}
