using ExamPortal.Domain.Registrations;
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

    /// <summary>Only the plans under the minimum that are not cancelled (the dashboard's link).</summary>
    [BindProperty(SupportsGet = true)] public bool Under { get; set; }
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public BatchHeadcounts? Headcounts { get; private set; }
    public IReadOnlyList<PlanHeadcount> Shown => Headcounts is null ? [] : Under ? Headcounts.UnderMinimum : Headcounts.Plans;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Batches = await choices.BatchesAsync(ct);
        BatchId ??= Batches.Count > 0 ? Batches.MinBy(b => b.Id)!.Id : null;
        Headcounts = BatchId is { } id ? await plans.HeadcountsAsync(id, ct) : null;
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Headcounts = BatchId is { } id ? await plans.HeadcountsAsync(id, ct) : null;
        var filters = await exports.BatchFilterAsync(BatchId, ct) + (Under ? $"；仅不足{PlanViability.MinimumRegistrants}人的计划" : string.Empty);
        return Headcounts is null ? NotFound() : export.File(User.ToActor(), "考核计划人数", filters, exports.Plans(Shown, ct));
    }
}
