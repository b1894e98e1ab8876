using ExamPortal.Web.Features.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Catalogue;

public sealed class IndexModel(CatalogueQueries catalogue) : PageModel
{
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await catalogue.ActiveAsync(ct);
}
