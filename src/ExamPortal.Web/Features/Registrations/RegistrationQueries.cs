using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Registrations;

public sealed record RegistrationListItem(
    Guid Id, string ProjectName, string BatchTitle, DateOnly ExamDate, RegistrationStatus Status,
    (string What, DateOnly By)? NextStep, int? WorkingDaysLeft, bool IsReturnOverdue);

public sealed record OpenPlan(int PlanId, string ProjectCode, string ProjectName, decimal Fee, bool FeeIsProvisional, string Wording);

public sealed record OpenBatch(int BatchId, string Title, BatchSchedule Schedule, IReadOnlyList<OpenPlan> Plans);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public sealed class RegistrationQueries(PortalDbContext db, PortalClock clock, Calendar.CalendarService calendar)
{
    public const int PageSize = 20;

    public async Task<Page<RegistrationListItem>> ForCandidateAsync(string userId, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Registrations.AsNoTracking().Where(r => r.CandidateUserId == userId);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(r => r.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new { Registration = r, p.Project.Name, p.Batch })
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        var items = new List<RegistrationListItem>(rows.Count);
        foreach (var row in rows)
        {
            var schedule = row.Batch.Schedule;
            var next = row.Registration.NextStep(now, schedule);
            int? left = next is { } step && step.By >= clock.Today && (await calendar.GetAsync(ct)).Covers(step.By.Year)
                ? await calendar.WorkingDaysBetweenAsync(clock.Today.AddDays(-1), step.By, ct)
                : null;
            items.Add(new RegistrationListItem(row.Registration.Id, row.Name, row.Batch.Title, row.Batch.ExamDate, row.Registration.Status,
                next, left, row.Registration.IsReturnOverdue(now, schedule)));
        }

        return new Page<RegistrationListItem>(items, page, PageSize, total);
    }

    /// <summary>The batches whose registration window is open now, with the plans of active projects.</summary>
    public async Task<IReadOnlyList<OpenBatch>> OpenForRegistrationAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var batches = await db.Batches.AsNoTracking()
            .Where(b => b.RegistrationStart <= today && b.RegistrationEnd >= today)
            .OrderBy(b => b.ExamDate)
            .ToListAsync(ct);
        var batchIds = batches.Select(b => b.Id).ToList();
        var plans = await db.ExamPlans.AsNoTracking()
            .Where(p => batchIds.Contains(p.BatchId) && p.Project.IsActive)
            .OrderBy(p => p.Project.SortOrder)
            .Select(p => new { p.Id, p.BatchId, p.Project })
            .ToListAsync(ct);
        return batches
            .Select(b => new OpenBatch(b.Id, b.Title, b.Schedule, plans
                .Where(p => p.BatchId == b.Id)
                .Select(p => new OpenPlan(p.Id, p.Project.Code, p.Project.Name, p.Project.Fee, p.Project.FeeIsProvisional, p.Project.Eligibility.Wording))
                .ToList()))
            .ToList();
    }

    public async Task<DateOnly?> NextRegistrationOpeningAsync(CancellationToken ct)
    {
        var today = clock.Today;
        return await db.Batches.AsNoTracking()
            .Where(b => b.RegistrationStart > today)
            .OrderBy(b => b.RegistrationStart)
            .Select(b => (DateOnly?)b.RegistrationStart)
            .FirstOrDefaultAsync(ct);
    }
}
