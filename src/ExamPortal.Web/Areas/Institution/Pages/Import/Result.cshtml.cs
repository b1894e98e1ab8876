using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Import;

public sealed class ResultModel(ImportQueries queries, InstitutionContext institutions) : PageModel
{
    public InstitutionImport Import { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        var import = institutionId is { } mine ? await queries.OneAsync(id, mine, ct) : null;
        if (import is null)
        {
            return NotFound();
        }

        Import = import;
        return Page();
    }
}
