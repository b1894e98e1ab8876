using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Institutions;

/// <summary>报名机构 (CentreAdmin): the approved institutions, found by name or credit code, with their standing and staff count.</summary>
public sealed class IndexModel(InstitutionAdministration institutions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public InstitutionFilter Filter { get; set; }
    public Page<InstitutionListItem> Institutions { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Institutions = await institutions.ListAsync(Search, Filter, pageNumber, ct);
}
