using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Plans;

/// <summary>Each plan's registrants once registration has closed; plans under 10 are flagged (section 四).</summary>
public sealed class IndexModel(PlanCancellation plans, ReviewQueries choices, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public BatchHeadcounts? Headcounts { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Batches = await choices.BatchesAsync(ct);
        BatchId ??= Batches.Count > 0 ? Batches.MinBy(b => b.Id)!.Id : null;
        Headcounts = BatchId is { } id ? await plans.HeadcountsAsync(id, ct) : null;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var headcounts = BatchId is { } id ? await plans.HeadcountsAsync(id, ct) : null;
        return headcounts is null
            ? NotFound()
            : export.File(User.ToActor(), "考核计划人数", await exports.BatchFilterAsync(BatchId, ct), exports.Plans(headcounts, ct));
    }
}
