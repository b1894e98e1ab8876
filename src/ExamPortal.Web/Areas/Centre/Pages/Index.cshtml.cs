using ExamPortal.Web.Features.Schedule;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages;

public sealed class IndexModel(ScheduleQueries schedule) : PageModel
{
    public YearSchedule Schedule { get; private set; } = default!;

    public async Task OnGetAsync(int? year, CancellationToken ct) => Schedule = await schedule.ForYearAsync(year, ct);
}
