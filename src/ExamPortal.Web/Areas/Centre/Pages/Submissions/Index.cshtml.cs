using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Submissions;

public sealed class IndexModel(SubmissionQueries queries, ReviewQueries lists, InstitutionWorkflow workflow, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    public IReadOnlyList<SubmissionRow> Submissions { get; private set; } = [];
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        export.File(User.ToActor(), "机构提交与纸质原件", await exports.BatchFilterAsync(BatchId, ct), exports.Submissions(BatchId, ct));

    public async Task<IActionResult> OnPostOriginalsAsync(Guid id, uint version, DateOnly? receivedOn, CancellationToken ct)
    {
        var result = await workflow.RecordOriginalsAsync(User.ToActor(), id, version, receivedOn, ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            await LoadAsync(ct);
            return Page();
        }

        StatusMessage = "已登记收到纸质原件。";
        return RedirectToPage(new { BatchId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches = await lists.BatchesAsync(ct);
        Submissions = await queries.ForCentreAsync(BatchId, ct);
    }
}
