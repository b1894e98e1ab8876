using ExamPortal.Web.Features.Schedule;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages;

public sealed class IndexModel(ScheduleQueries schedule, PortalClock clock) : PageModel
{
    public IReadOnlyList<BatchRow> Current { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Current = await schedule.CurrentAsync(ct);
    }
}
