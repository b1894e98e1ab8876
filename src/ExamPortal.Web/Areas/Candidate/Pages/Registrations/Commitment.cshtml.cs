using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class CommitmentModel(RegistrationWorkflow workflow, PortalClock clock) : PageModel
{
    public string Wording => ApplicationFormPdf.IntegrityCommitmentWording;
    public RegistrationContext Context { get; private set; } = default!;
    public WizardState Wizard { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    [BindProperty] public bool Accepted { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Accepted)
        {
            ModelState.AddModelError(nameof(Accepted), "请阅读承诺内容并勾选“本人已阅读并作出以上承诺”");
            return Page();
        }

        var result = await workflow.AcceptCommitmentAsync(id, User.ToActor(), Wording, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message ?? "保存未成功，请刷新后重试");
            return Page();
        }

        StatusMessage = "诚信承诺已记录。";
        return RedirectToPage("Summary", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Wizard = WizardState.Of(context.Registration, WizardStep.Commitment);
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        return true;
    }
}
