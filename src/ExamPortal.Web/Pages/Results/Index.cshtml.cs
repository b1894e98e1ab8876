using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Caching;
using ExamPortal.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Pages.Results;

/// <summary>成绩公示 for anyone: from a batch's publication date, per project, masked names and no ID numbers.</summary>
[OutputCache(PolicyName = PublicResultsCache.PolicyName)]
[EnableRateLimiting(PortalRateLimits.Results)]
public sealed class IndexModel(ResultQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }

    /// <summary>The project code whose results are listed; the batch's first project when not given.</summary>
    [BindProperty(SupportsGet = true)] public string? Project { get; set; }
    public IReadOnlyList<BatchResultState> Batches { get; private set; } = [];
    public BatchResultState? Batch { get; private set; }
    public PublishedPage? Published { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Batches = await queries.BatchesAsync(ct);
        BatchId ??= Batches.Where(b => b.IsPublished).Select(b => (int?)b.BatchId).LastOrDefault();
        Batch = Batches.FirstOrDefault(b => b.BatchId == BatchId);
        Published = Batch is null ? null : await queries.PublishedPageAsync(Batch, Project, pageNumber, ct);
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        BatchId is { } id && await queries.PublishedAsync(id, ct) is { } list
            ? PdfStreamResult.Attachment(Response, $"成绩公示-{list.BatchTitle}.pdf", ResultListPdf.Build(list))
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        BatchId is { } id && await queries.PublishedAsync(id, ct) is { } list
            ? File(ResultListWorkbook.Build(list), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"成绩公示-{list.BatchTitle}.xlsx")
            : NotFound();
}
