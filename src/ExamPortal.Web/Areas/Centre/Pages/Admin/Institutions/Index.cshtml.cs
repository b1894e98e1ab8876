using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Institutions;

/// <summary>报名机构 (CentreAdmin): the approved institutions, found by name or credit code, with their standing and staff count.</summary>
public sealed class IndexModel(InstitutionAdministration institutions, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public InstitutionFilter Filter { get; set; }
    public Page<InstitutionListItem> Institutions { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Institutions = await institutions.ListAsync(Search, Filter, pageNumber, ct);

    public IActionResult OnGetExport(CancellationToken ct) =>
        export.File(User.ToActor(), "报名机构", $"查找：{(string.IsNullOrWhiteSpace(Search) ? "无" : Search.Trim())}；状态：{Filter switch
        {
            InstitutionFilter.Active => "正常",
            InstitutionFilter.Suspended => "已暂停",
            _ => "全部",
        }}", exports.Institutions(institutions.Filtered(Search, Filter), ct));
}
