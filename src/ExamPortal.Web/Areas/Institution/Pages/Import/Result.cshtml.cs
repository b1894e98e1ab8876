using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Import;

public sealed class ResultModel(ImportQueries queries, InstitutionContext institutions) : PageModel
{
    public const int PageSize = 100;

    public InstitutionImport Import { get; private set; } = default!;

    /// <summary>The rows needing attention (failed, or already registered), a page at a time.</summary>
    public Page<ImportRowResult> Attention { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        var import = institutionId is { } mine ? await queries.OneAsync(id, mine, ct) : null;
        if (import is null)
        {
            return NotFound();
        }

        Import = import;
        var page = Math.Clamp(pageNumber, 1, Math.Max(1, (import.Rows.Count + PageSize - 1) / PageSize));
        Attention = new Page<ImportRowResult>([.. import.Rows.Skip((page - 1) * PageSize).Take(PageSize)], page, PageSize, import.Rows.Count);
        return Page();
    }
}
