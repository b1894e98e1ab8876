using ExamPortal.Web.Features.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Batches;

public sealed class IndexModel(BatchSetup setup) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public BatchList List { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        List = await setup.ListAsync(Year, pageNumber, ct);
}
