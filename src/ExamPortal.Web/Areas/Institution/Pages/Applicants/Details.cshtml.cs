using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Applicants;

public sealed class DetailsModel(RegistrationWorkflow registrations, InstitutionWorkflow institution, InstitutionContext institutions, PlanCancellation plans, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public bool CanPass { get; private set; }
    public bool CanEdit { get; private set; }
    public TransferTarget? Transfer { get; private set; }
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

    /// <summary>Moves an applicant of a cancelled plan to the same project in the next open or upcoming batch.</summary>
    public async Task<IActionResult> OnPostTransferAsync(Guid id, CancellationToken ct)
    {
        var result = await plans.TransferAsync(id, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "已转入后续批次，已填信息和材料已保留。";
                return RedirectToPage(new { id = result.RelatedId });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
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
        if (context.Registration.Status == Domain.Registrations.RegistrationStatus.Cancelled && context.Registration.TransferredToId is null)
        {
            Transfer = await plans.TargetAsync(context, ct);
        }

        return true;
    }
}
