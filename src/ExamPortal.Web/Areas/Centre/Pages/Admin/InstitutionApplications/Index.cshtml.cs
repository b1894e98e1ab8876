using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.InstitutionApplications;

public sealed class IndexModel(OnboardingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public InstitutionApplicationStatus Status { get; set; } = InstitutionApplicationStatus.Pending;
    public Page<ApplicationListItem> Applications { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Applications = await queries.ListAsync(Status, pageNumber, ct);
}
