using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Centre.Pages;

public sealed class CalendarModel(PortalDbContext db, CalendarService calendar, PortalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? WorkingDays { get; set; }

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public bool YearKnown { get; private set; }
    public DateOnly? Result { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        var start = new DateOnly(Year.Value, 1, 1);
        var end = new DateOnly(Year.Value, 12, 31);
        YearKnown = await db.CalendarYears.AnyAsync(y => y.Year == Year, ct);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(ct);

        if (From is { } from && WorkingDays is { } n)
        {
            if (n is < 1 or > 250)
            {
                Problem = "工作日数请填写1到250之间的整数";
                return;
            }

            try
            {
                Result = await calendar.AddWorkingDaysAsync(from, n, ct);
            }
            catch (DomainRuleException ex)
            {
                Problem = ex.Message;
            }
        }
    }
}
