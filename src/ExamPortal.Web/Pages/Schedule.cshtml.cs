using ExamPortal.Web.Features.Schedule;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages;

public sealed class ScheduleModel(ScheduleQueries schedule, PortalClock clock) : PageModel
{
    public YearSchedule Schedule { get; private set; } = default!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Today = clock.Today;
        Schedule = await schedule.ForYearAsync(year, ct);
    }
}
