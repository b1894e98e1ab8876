using ExamPortal.Domain.Batches;
using ExamPortal.Web.Data;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Schedule;

public sealed record BatchRow(int Id, int Year, int Number, BatchSchedule Schedule, BatchPhase Phase, (string What, DateOnly Date)? NextDeadline)
{
    public string Title => Data.Entities.Batch.TitleOf(Year, Number);
    public bool IsInProgress => Phase is not (BatchPhase.NotYetOpen or BatchPhase.Examined);
}

public sealed record YearSchedule(int Year, IReadOnlyList<int> Years, IReadOnlyList<BatchRow> Batches);

public sealed class ScheduleQueries(PortalDbContext db, PortalClock clock)
{
    public async Task<YearSchedule> ForYearAsync(int? year, CancellationToken ct)
    {
        var years = await db.Batches.AsNoTracking().Select(b => b.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        var chosen = year is { } y && years.Contains(y) ? y
            : years.Contains(clock.Today.Year) ? clock.Today.Year
            : years.LastOrDefault(clock.Today.Year);
        return new YearSchedule(chosen, years, await RowsAsync(chosen, ct));
    }

    // In progress or still to open: not yet examined. Next year's batches count too, so that in December the first
    // batches of the new year (whose registration may open in January) are already announced.
    public async Task<IReadOnlyList<BatchRow>> CurrentAsync(CancellationToken ct)
    {
        var today = clock.Today;
        return await RowsAsync(db.Batches.Where(b => b.ExamDate >= today && b.Year <= today.Year + 1), ct);
    }

    private Task<IReadOnlyList<BatchRow>> RowsAsync(int year, CancellationToken ct) => RowsAsync(db.Batches.Where(b => b.Year == year), ct);

    private async Task<IReadOnlyList<BatchRow>> RowsAsync(IQueryable<Data.Entities.Batch> query, CancellationToken ct)
    {
        var today = clock.Today;
        var batches = await query.AsNoTracking()
            .OrderBy(b => b.Year).ThenBy(b => b.Number)
            .ToListAsync(ct);
        return batches
            .Select(b => (Batch: b, Schedule: b.Schedule))
            .Select(x => new BatchRow(x.Batch.Id, x.Batch.Year, x.Batch.Number, x.Schedule, x.Schedule.PhaseOn(today), x.Schedule.NextDeadline(today)))
            .ToList();
    }
}
