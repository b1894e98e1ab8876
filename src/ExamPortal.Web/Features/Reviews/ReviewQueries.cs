using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Reviews;

/// <summary>Where a registration stands against the 10-working-day answer after the paper originals arrived.</summary>
public enum ReviewDue
{
    // At most ReReviewDeadline.NearWorkingDays working days left.
    Near,
    Overdue,
}

public sealed record ReviewFilter(int? BatchId, int? ProjectId, RegistrationStatus? Status, ReviewDue? Due = null);

public sealed record ReviewQueueItem(Guid Id, string? CandidateName, string ProjectName, string BatchTitle, RegistrationChannel Channel,
    RegistrationStatus Status, DateTimeOffset? LastSubmittedAt, DateOnly ReviewEnd, DateOnly? AnswerBy, int? WorkingDaysLeft)
{
    public bool IsOverdue => WorkingDaysLeft < 0;
}

public sealed record Choice(int Id, string Label);

public sealed class ReviewQueries(PortalDbContext db, Calendar.CalendarService calendar, TimeProvider clock)
{
    /// <summary>Oldest submission first: the centre answers in the order people applied.</summary>
    public async Task<Page<ReviewQueueItem>> QueueAsync(ReviewFilter filter, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = await FilteredAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(r => r.LastSubmittedAt).ThenBy(r => r.CreatedAt)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new
            {
                r.Id, r.Details, ProjectName = p.Project.Name, p.Batch.Year, p.Batch.Number, r.Channel, r.Status, r.LastSubmittedAt, p.Batch.ReviewEnd,
                OriginalsReceivedOn = db.InstitutionSubmissions.Where(s => s.Id == r.InstitutionSubmissionId).Select(s => s.OriginalsReceivedOn).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // Institution applicants: the centre answers within 10 working days of receiving the paper originals.
        var workingDays = await calendar.GetAsync(ct);
        var today = Domain.Common.ChinaTime.DateOf(clock.GetUtcNow());
        var items = rows.Select(r =>
        {
            var answer = Domain.Institutions.ReReviewDeadline.AsOf(r.OriginalsReceivedOn, today, workingDays);
            return new ReviewQueueItem(r.Id, r.Details?.FullName, r.ProjectName, Batch.TitleOf(r.Year, r.Number), r.Channel, r.Status, r.LastSubmittedAt, r.ReviewEnd,
                answer?.AnswerBy, answer?.WorkingDaysLeft);
        }).ToList();
        return new Page<ReviewQueueItem>(items, page, RegistrationQueries.PageSize, total);
    }

    /// <summary>The registrations a filter selects, for the queue and its export alike.</summary>
    public async Task<IQueryable<Registration>> FilteredAsync(ReviewFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var status = filter.Status ?? RegistrationStatus.Submitted;
        var query = db.Registrations.AsNoTracking().Where(r => r.Status == status);
        if (filter.BatchId is { } batchId)
        {
            query = query.Where(r => r.BatchId == batchId);
        }

        if (filter.ProjectId is { } projectId)
        {
            query = query.Where(r => db.ExamPlans.Any(p => p.Id == r.ExamPlanId && p.ProjectId == projectId));
        }

        return filter.Due is { } due ? WithDue(query, due, await DueRangesAsync(ct)) : query;
    }

    /// <summary>Today's originals-received ranges of answers overdue and due soon; null where the calendar lacks a year.</summary>
    public async Task<(DateOnly OverdueBefore, DateOnly NearBefore)?> DueRangesAsync(CancellationToken ct) =>
        Domain.Institutions.ReReviewDeadline.DueRanges(Domain.Common.ChinaTime.DateOf(clock.GetUtcNow()), await calendar.GetAsync(ct));

    /// <summary>
    /// The registrations whose answer is overdue or due soon: only those whose paper originals the centre has received
    /// (the deadline runs from that day). With no calendar for a needed year nothing is flagged, as nothing is shown.
    /// </summary>
    public IQueryable<Registration> WithDue(IQueryable<Registration> query, ReviewDue due, (DateOnly OverdueBefore, DateOnly NearBefore)? ranges)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (ranges is not { } r)
        {
            return query.Where(_ => false);
        }

        var (from, before) = due == ReviewDue.Overdue ? (DateOnly.MinValue, r.OverdueBefore) : (r.OverdueBefore, r.NearBefore);
        return query.Where(x => db.InstitutionSubmissions.Any(s =>
            s.Id == x.InstitutionSubmissionId && s.OriginalsReceivedOn >= from && s.OriginalsReceivedOn < before));
    }

    public async Task<IReadOnlyList<Choice>> BatchesAsync(CancellationToken ct) =>
        (await db.Batches.AsNoTracking().OrderByDescending(b => b.Year).ThenBy(b => b.Number).Select(b => new { b.Id, b.Year, b.Number }).ToListAsync(ct))
            .Select(b => new Choice(b.Id, Batch.TitleOf(b.Year, b.Number))).ToList();

    public async Task<IReadOnlyList<Choice>> ProjectsAsync(CancellationToken ct) =>
        (await db.Projects.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct))
            .Select(p => new Choice(p.Id, $"{p.Code} {p.Name}")).ToList();
}
