using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Applicants;

public sealed class IndexModel(ApplicantQueries applicants, ReviewQueries lists, InstitutionContext institutions) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationStatus? Status { get; set; }
    public Page<ApplicantListItem> Applicants { get; private set; } = default!;
    public IReadOnlyList<Choice> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return Forbid();
        }

        Batches = await lists.BatchesAsync(ct);
        Applicants = await applicants.ListAsync(institutionId, BatchId, Status, pageNumber, ct);
        return Page();
    }
}
