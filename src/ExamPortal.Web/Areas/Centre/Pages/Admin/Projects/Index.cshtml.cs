using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Projects;

/// <summary>考核项目 (CentreAdmin): every project with its fee and whether it is offered.</summary>
public sealed class IndexModel(ProjectAdministration projects) : PageModel
{
    public Page<ProjectListItem> Projects { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Projects = await projects.ListAsync(pageNumber, ct);
}
