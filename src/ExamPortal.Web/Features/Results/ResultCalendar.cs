using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Results;

/// <summary>A batch's result dates: the centre's recorded change if any, else the calendar's defaults.</summary>
public sealed class ResultCalendar(PortalDbContext db, CalendarService calendar, TimeProvider clock)
{
    public async Task<ResultDates?> DatesAsync(int batchId, CancellationToken ct)
    {
        var examDate = await db.Batches.Where(b => b.Id == batchId).Select(b => (DateOnly?)b.ExamDate).SingleOrDefaultAsync(ct);
        if (examDate is not { } exam)
        {
            return null;
        }

        var changed = await db.ResultPublications.AsNoTracking().SingleOrDefaultAsync(p => p.BatchId == batchId, ct);
        return changed is null
            ? ResultDates.Default(exam, await calendar.GetAsync(ct))
            : new ResultDates(exam, changed.PublicationDate, changed.PublicityEnd);
    }

    /// <summary>Every batch's dates in two queries (batches, recorded changes), for lists over all batches.</summary>
    public async Task<IReadOnlyList<(int BatchId, string Title, ResultDates Dates)>> AllAsync(CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking().OrderBy(b => b.Year).ThenBy(b => b.Number)
            .Select(b => new { b.Id, b.Year, b.Number, b.ExamDate }).ToListAsync(ct);
        var changes = await db.ResultPublications.AsNoTracking().ToDictionaryAsync(p => p.BatchId, ct);
        var days = await calendar.GetAsync(ct);

        // A batch whose publication falls in a year without a calendar has no dates yet and is left out of the lists.
        var all = new List<(int, string, ResultDates)>();
        foreach (var b in batches)
        {
            try
            {
                all.Add((b.Id, Batch.TitleOf(b.Year, b.Number), changes.TryGetValue(b.Id, out var changed)
                    ? new ResultDates(b.ExamDate, changed.PublicationDate, changed.PublicityEnd)
                    : ResultDates.Default(b.ExamDate, days)));
            }
            catch (CalendarYearMissingException)
            {
                continue;
            }
        }

        return all;
    }

    public async Task<ResultPublication?> ChangeOfAsync(int batchId, CancellationToken ct) =>
        await db.ResultPublications.AsNoTracking().SingleOrDefaultAsync(p => p.BatchId == batchId, ct);

    /// <summary>The first day paper certificates can be collected, or why it cannot be computed yet (a missing calendar year).</summary>
    public async Task<(DateOnly? Date, string? Problem)> CollectionFromAsync(DateOnly examDate, CancellationToken ct)
    {
        try
        {
            return (ResultDates.CollectionFrom(examDate, await calendar.GetAsync(ct)), null);
        }
        catch (CalendarYearMissingException e)
        {
            return (null, $"考核结束30个工作日后的领证日期落在{e.Year}年，{e.Message}");
        }
    }

    public async Task<WorkflowResult> ChangeAsync(int batchId, DateOnly publication, DateOnly publicityEnd, string? reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = await DatesAsync(batchId, ct);
        if (dates is null)
        {
            return WorkflowResult.NotFound;
        }

        var now = clock.GetUtcNow();
        if (dates.ChangeRefusal(actor.Role, now, publication, publicityEnd, reason) is { } refusal)
        {
            return WorkflowResult.Refused(refusal);
        }

        var row = await db.ResultPublications.SingleOrDefaultAsync(p => p.BatchId == batchId, ct);
        if (row is null)
        {
            row = new ResultPublication { BatchId = batchId, Reason = string.Empty, ChangedByUserId = actor.UserId };
            db.ResultPublications.Add(row);
        }

        var text = reason!.Trim();
        AuditTrail.Record(db, actor, now, AuditTrail.ResultDatesChanged, $"批次{batchId}成绩公示",
            $"公示日期 {dates.PublicationDate:yyyy-MM-dd}→{publication:yyyy-MM-dd}，公示期至 {dates.PublicityEnd:yyyy-MM-dd}→{publicityEnd:yyyy-MM-dd}；原因：{text}");
        row.PublicationDate = publication;
        row.PublicityEnd = publicityEnd;
        row.Reason = text;
        row.ChangedAt = now.ToUniversalTime();
        row.ChangedByUserId = actor.UserId;
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }
}
