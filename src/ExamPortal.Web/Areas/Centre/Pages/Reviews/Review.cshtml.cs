using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Reviews;

public sealed class ReviewModel(RegistrationWorkflow workflow, FileStore files, IValidator<ReviewInput> reasonValidator, PortalClock clock) : PageModel
{
    [BindProperty] public ReviewInput Input { get; set; } = new();
    public RegistrationContext Context { get; private set; } = default!;
    public IReadOnlyDictionary<Guid, (string ContentType, long Length)> Files { get; private set; } = new Dictionary<Guid, (string, long)>();
    public bool CanDecide { get; private set; }
    public EligibilityResult? Eligibility { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, "已审核通过", () => workflow.ApproveAsync(id, Input.Version, User.ToActor(), Input.Note, ct), validate: false, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, "已审核不通过", () => workflow.RejectAsync(id, Input.Version, User.ToActor(), Input.Reason!.Trim(), ct), validate: true, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        DecideAsync(id, "已退回修改", () => workflow.ReturnAsync(id, Input.Version, User.ToActor(), Input.Reason!.Trim(), Input.Items, ct), validate: true, ct);

    private async Task<IActionResult> DecideAsync(Guid id, string done, Func<Task<WorkflowResult>> decide, bool validate, CancellationToken ct)
    {
        if (validate && !await reasonValidator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var result = await decide();
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = done;
                return RedirectToPage(new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                var typed = Input;
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                // Keep what the reviewer typed; only the version moves on, so a retry sees the new state.
                Input = new ReviewInput { Version = Context.Registration.Version, Note = typed.Note, Reason = typed.Reason, Items = typed.Items };
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
        Input.Version = context.Registration.Version;
        Files = await files.DescribeAsync(context.Registration.Documents.Select(d => d.FileId).ToList(), ct);
        CanDecide = context.Registration.CanReview(User.ToActor(), clock.GetUtcNow(), context.Batch.Schedule);
        if (context.Registration.Details is { } details)
        {
            // Checked as of the day it was submitted: that is the day the rule applies to.
            Eligibility = context.Project.Eligibility.Evaluate(details.ToQualification(), ChinaTime.DateOf(context.Registration.LastSubmittedAt ?? context.Registration.CreatedAt));
        }
        return true;
    }

    public static string ActorLabel(Role? role) => role is { } r ? Roles.DisplayName(r) : "系统";
}
