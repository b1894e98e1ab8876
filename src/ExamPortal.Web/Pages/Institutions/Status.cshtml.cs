using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Features.Onboarding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Institutions;

/// <summary>The applicant follows its application here; the address is the unguessable application id.</summary>
public sealed class StatusModel(OnboardingQueries queries) : PageModel
{
    public InstitutionApplication Application { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.OneAsync(id, ct);
        if (application is null)
        {
            return NotFound();
        }

        Application = application;
        return Page();
    }
}
