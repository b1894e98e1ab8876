using System.Security.Claims;
using ExamPortal.Web.Features.Schedule;
using ExamPortal.Web.Features.Workbench;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages;

public sealed class IndexModel(WorkbenchQueries workbench, ScheduleQueries schedule) : PageModel
{
    public CandidateProfile Profile { get; private set; } = default!;
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profile = await workbench.CandidateAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (profile is null)
        {
            return NotFound();
        }

        Profile = profile;
        Batches = await schedule.CurrentAsync(ct);
        return Page();
    }
}
