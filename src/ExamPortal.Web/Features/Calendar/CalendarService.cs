using ExamPortal.Domain.Calendar;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Calendar;

/// <summary>
/// The working-day calendar as the centre maintains it in the database. Loaded once per request:
/// a few dozen rows, and an edit by the centre is seen by every instance at once.
/// </summary>
public sealed class CalendarService(PortalDbContext db)
{
    private WorkingDayCalendar? _calendar;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct)
    {
        if (_calendar is not null)
        {
            return _calendar;
        }

        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.AsNoTracking()
            .Select(d => new CalendarException(d.Date, d.Kind, d.Note))
            .ToListAsync(ct);
        _calendar = new WorkingDayCalendar(years, days);
        return _calendar;
    }

    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct) =>
        (await GetAsync(ct)).IsWorkingDay(date);

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken ct) =>
        (await GetAsync(ct)).AddWorkingDays(start, workingDays);

    public async Task<int> WorkingDaysBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await GetAsync(ct)).WorkingDaysBetween(from, to);
}
