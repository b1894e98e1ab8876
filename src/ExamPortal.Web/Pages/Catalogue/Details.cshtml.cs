using ExamPortal.Web.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Catalogue;

public sealed class DetailsModel(CatalogueQueries catalogue) : PageModel
{
    public ProjectRow Project { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var project = await catalogue.ByCodeAsync(code, ct);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        return Page();
    }
}
