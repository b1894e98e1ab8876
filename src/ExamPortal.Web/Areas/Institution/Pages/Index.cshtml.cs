using System.Security.Claims;
using ExamPortal.Web.Features.Workbench;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages;

public sealed class IndexModel(WorkbenchQueries workbench) : PageModel
{
    public InstitutionProfile Institution { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var institution = await workbench.InstitutionOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (institution is null)
        {
            return Forbid();
        }

        Institution = institution;
        return Page();
    }
}
