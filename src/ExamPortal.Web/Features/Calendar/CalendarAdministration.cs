using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Calendar;

public sealed record CalendarYearRow(int Year, string Source, int Holidays, int MakeUpDays, int Batches);

public sealed record CalendarYearView(int Year, string Source, IReadOnlyList<CalendarDay> Days, IReadOnlyList<string> BatchTitles);

/// <summary>
/// The CentreAdmin's holiday calendar by year: years with their source, holidays and make-up working days. The rules
/// are the domain's (WorkingDayCalendar, CalendarChange); every change is audited as CalendarChanged.
/// </summary>
public sealed class CalendarAdministration(PortalDbContext db, CalendarService calendar, PortalClock clock)
{
    // A change to a day in a batch's run from registration to certificates (30 working days after the exam) moves its
    // working-day deadlines; 60 calendar days covers those 30 working days even across 国庆节.
    private const int DeadlineTailDays = 60;

    public async Task<IReadOnlyList<CalendarYearRow>> YearsAsync(CancellationToken ct)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.AsNoTracking()
            .GroupBy(d => new { d.Date.Year, d.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var batches = await db.Batches.AsNoTracking().GroupBy(b => b.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. years.Select(y => new CalendarYearRow(
            y.Year,
            y.Source,
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.Holiday).Sum(d => d.Count),
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.MakeUpWorkingDay).Sum(d => d.Count),
            batches.Where(b => b.Year == y.Year).Sum(b => b.Count)))];
    }

    public async Task<CalendarYearView?> YearAsync(int year, CancellationToken ct)
    {
        var entry = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (entry is null)
        {
            return null;
        }

        var (start, end) = Bounds(year);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(ct);
        var batches = await db.Batches.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.Number).Select(b => b.Number).ToListAsync(ct);
        return new CalendarYearView(year, entry.Source, days, [.. batches.Select(n => Batch.TitleOf(year, n))]);
    }

    public async Task<AdminResult> AddYearAsync(int? year, string? source, Actor admin, CancellationToken ct)
    {
        if (year is not { } value)
        {
            return AdminResult.Refused("Year", "请填写年度，例如2027");
        }

        var exists = await db.CalendarYears.AnyAsync(y => y.Year == value, ct);
        if (CalendarChange.RefusalToAddYear(value, source, exists, clock.Today) is { } refusal)
        {
            return AdminResult.Refused(null, refusal);
        }

        db.CalendarYears.Add(new CalendarYear { Year = value, Source = source!.Trim() });
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.CalendarChanged, $"CalendarYear:{value}", $"录入{value}年工作日历；依据：{source.Trim()}");
        await db.SaveChangesAsync(ct);
        return AdminResult.Ok([]);
    }

    // A year that batches use stays: without it their deadlines could not be counted at all.
    public async Task<AdminResult> RemoveYearAsync(int year, Actor admin, CancellationToken ct)
    {
        var entry = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (entry is null)
        {
            return AdminResult.NotFound;
        }

        var (start, end) = Bounds(year);
        var users = await db.Batches.AsNoTracking()
            .Where(b => b.Year == year || (b.ExamDate >= start && b.ExamDate <= end))
            .OrderBy(b => b.Year).ThenBy(b => b.Number).Select(b => new { b.Year, b.Number }).ToListAsync(ct);
        if (users.Count > 0)
        {
            return AdminResult.Refused(null,
                $"{year}年已有批次（{string.Join("、", users.Select(b => Batch.TitleOf(b.Year, b.Number)))}）使用该年度的日历，不能删除；如日期有误，请逐日修改");
        }

        if (year <= clock.Today.Year)
        {
            return AdminResult.Refused(null, $"{year}年已经开始，按该年度日历计算的期限不能再改变，不能删除");
        }

        var days = await db.CalendarDays.Where(d => d.Date >= start && d.Date <= end).ToListAsync(ct);
        db.CalendarDays.RemoveRange(days);
        db.CalendarYears.Remove(entry);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.CalendarChanged, $"CalendarYear:{year}",
            $"删除{year}年工作日历（依据：{entry.Source}；共{days.Count}个放假或调休日期）");
        await db.SaveChangesAsync(ct);
        return AdminResult.Ok([]);
    }

    public async Task<AdminResult> AddHolidaysAsync(int year, DateOnly? from, DateOnly? to, string? note, Actor admin, CancellationToken ct)
    {
        if (!await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
        {
            return AdminResult.NotFound;
        }

        if (from is not { } first)
        {
            return AdminResult.Refused("HolidayFrom", "请填写放假开始日期");
        }

        var last = to ?? first;
        var current = await calendar.GetAsync(ct);
        if (CalendarChange.RefusalToAddHolidays(current, year, first, last, note, clock.Today) is { } refusal)
        {
            return AdminResult.Refused("HolidayFrom", refusal);
        }

        var text = note!.Trim();
        db.CalendarDays.AddRange(new DateRange(first, last).Days().Select(day => new CalendarDay { Date = day, Kind = CalendarDayKind.Holiday, Note = text }));
        var span = first == last ? $"{first:yyyy-MM-dd}" : $"{first:yyyy-MM-dd}至{last:yyyy-MM-dd}";
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.CalendarChanged, $"CalendarYear:{year}", $"新增放假：{span}（{text}）");
        return await SaveAsync(first, last, ct);
    }

    public async Task<AdminResult> AddMakeUpDayAsync(int year, DateOnly? date, string? note, Actor admin, CancellationToken ct)
    {
        if (!await db.CalendarYears.AnyAsync(y => y.Year == year, ct))
        {
            return AdminResult.NotFound;
        }

        if (date is not { } day)
        {
            return AdminResult.Refused("MakeUpDate", "请填写调休上班日期");
        }

        if (CalendarChange.RefusalToAddMakeUpDay(await calendar.GetAsync(ct), year, day, note, clock.Today) is { } refusal)
        {
            return AdminResult.Refused("MakeUpDate", refusal);
        }

        var text = note!.Trim();
        db.CalendarDays.Add(new CalendarDay { Date = day, Kind = CalendarDayKind.MakeUpWorkingDay, Note = text });
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.CalendarChanged, $"CalendarYear:{year}", $"新增调休上班：{day:yyyy-MM-dd}（{text}）");
        return await SaveAsync(day, day, ct);
    }

    public async Task<AdminResult> RemoveDayAsync(int year, DateOnly date, Actor admin, CancellationToken ct)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        if (day is null || date.Year != year)
        {
            return AdminResult.NotFound;
        }

        if (CalendarChange.RefusalToRemove(date, clock.Today) is { } refusal)
        {
            return AdminResult.Refused(null, refusal);
        }

        db.CalendarDays.Remove(day);
        var kind = day.Kind == CalendarDayKind.Holiday ? "放假" : "调休上班";
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.CalendarChanged, $"CalendarYear:{year}", $"删除{kind}：{date:yyyy-MM-dd}（{day.Note}）");
        return await SaveAsync(date, date, ct);
    }

    private async Task<AdminResult> SaveAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return AdminResult.Conflict;
        }

        var affected = await AffectedBatchesAsync(from, to, ct);
        return AdminResult.Ok(affected.Count == 0 ? [] :
        [
            $"以下批次已开始报名，涉及这些日期的工作日期限（审核反馈、成绩公示、证书办理）将按新日历计算，请告知相关人员：{string.Join("、", affected)}",
        ]);
    }

    private async Task<List<string>> AffectedBatchesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Batches.AsNoTracking()
            .Where(b => b.RegistrationStart <= today && b.RegistrationStart <= to && b.ExamDate >= from.AddDays(-DeadlineTailDays))
            .OrderBy(b => b.Year).ThenBy(b => b.Number)
            .Select(b => new { b.Year, b.Number })
            .ToListAsync(ct);
        return [.. rows.Select(b => Batch.TitleOf(b.Year, b.Number))];
    }

    private static (DateOnly Start, DateOnly End) Bounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
