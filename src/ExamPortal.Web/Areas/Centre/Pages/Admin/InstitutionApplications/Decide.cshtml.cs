using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.InstitutionApplications;

public sealed class DecideModel(OnboardingQueries queries, InstitutionOnboarding onboarding) : PageModel
{
    public InstitutionApplication Application { get; private set; } = default!;
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, await onboarding.ApproveAsync(id, Version, User.ToActor(), ct), "已同意，报名机构及其经办人账户已开通。", ct);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "请填写不同意的原因，申请单位将据此修改");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await DoneAsync(id, await onboarding.RejectAsync(id, Version, User.ToActor(), Reason.Trim(), ct), "已不同意该申请。", ct);
    }

    private async Task<IActionResult> DoneAsync(Guid id, WorkflowResult result, string message, CancellationToken ct)
    {
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        StatusMessage = message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.OneAsync(id, ct);
        if (application is null)
        {
            return false;
        }

        Application = application;
        Version = application.Version;
        return true;
    }
}
