using System.Globalization;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Dashboard;

public sealed record StateCount(RegistrationStatus Status, int Count);

public sealed record OutcomeCount(ExamOutcome Outcome, int Count);

/// <summary>Everything the per-batch dashboard shows; review counts are null where the calendar lacks a needed year.</summary>
public sealed record BatchDashboard(
    int BatchId, string Title, BatchSchedule Schedule, BatchPhase Phase, (string What, DateOnly Date)? NextDeadline,
    IReadOnlyList<StateCount> States, IReadOnlyList<OutcomeCount> Outcomes, int Certificates,
    BatchHeadcounts Headcounts, int? ReviewsNear, int? ReviewsOverdue, int PaymentsWaiting, int ObjectionsOpen,
    SvgChartModel RegistrationsPerDay, SvgChartModel RegistrationsPerProject);

/// <summary>
/// 批次概况: where one batch stands, in a handful of grouped queries (counts are made by the database, never by
/// loading rows). The same filters as the queues the numbers link to, so each number equals its list's total.
/// </summary>
public sealed class DashboardQueries(PortalDbContext db, PlanCancellation plans, ReviewQueries reviews, PortalClock clock)
{
    /// <summary>Always shown, in the order a registration moves through them.</summary>
    public static readonly IReadOnlyList<RegistrationStatus> MainStates =
    [
        RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Returned, RegistrationStatus.Approved, RegistrationStatus.Rejected,
        RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentConfirmed, RegistrationStatus.Abandoned, RegistrationStatus.TicketIssued,
    ];

    /// <summary>Shown only when some registration is in them.</summary>
    public static readonly IReadOnlyList<RegistrationStatus> OccasionalStates =
        [RegistrationStatus.PaymentReturned, RegistrationStatus.ReturnExpired, RegistrationStatus.Cancelled];

    private static readonly CultureInfo China = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<BatchDashboard?> ForBatchAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return null;
        }

        var today = clock.Today;
        var schedule = batch.Schedule;
        var byStatus = await db.Registrations.AsNoTracking().Where(r => r.BatchId == batchId)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byOutcome = await db.ExamScores.AsNoTracking().Where(s => s.BatchId == batchId)
            .GroupBy(s => s.Outcome).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var ranges = await reviews.DueRangesAsync(ct);
        var waiting = db.Registrations.Where(r => r.BatchId == batchId && r.Status == RegistrationStatus.Submitted);
        var near = reviews.WithDue(waiting, ReviewDue.Near, ranges);
        var overdue = reviews.WithDue(waiting, ReviewDue.Overdue, ranges);
        var single = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new
        {
            Certificates = db.Certificates.Count(c => c.BatchId == b.Id),
            Payments = db.Payments.Count(p => p.BatchId == b.Id && p.Status == PaymentStatus.Submitted),
            Objections = db.Objections.Count(o => o.BatchId == b.Id && o.AnsweredAt == null),
            Near = near.Count(),
            Overdue = overdue.Count(),
        }).SingleAsync(ct);

        var headcounts = (await plans.HeadcountsAsync(batchId, ct))!;
        var states = MainStates.Concat(OccasionalStates.Where(byStatus.ContainsKey))
            .Select(s => new StateCount(s, byStatus.GetValueOrDefault(s))).ToList();
        var outcomes = Enum.GetValues<ExamOutcome>().Select(o => new OutcomeCount(o, byOutcome.GetValueOrDefault(o))).ToList();
        return new BatchDashboard(batch.Id, batch.Title, schedule, schedule.PhaseOn(today), schedule.NextDeadline(today),
            states, outcomes, single.Certificates, headcounts, ranges is null ? null : single.Near, ranges is null ? null : single.Overdue,
            single.Payments, single.Objections, await PerDayAsync(batch, ct), await PerProjectAsync(batch, ct));
    }

    /// <summary>Registrations started on each day of the registration window (China dates), zero days included.</summary>
    private async Task<SvgChartModel> PerDayAsync(Batch batch, CancellationToken ct)
    {
        var from = ChinaTime.StartOf(batch.RegistrationStart).ToUniversalTime();
        var to = ChinaTime.EndOf(batch.RegistrationEnd).ToUniversalTime();
        var offsetHours = (int)ChinaTime.Offset.TotalHours;

        // China keeps one offset all year, so a fixed shift gives the China date without the server's time zone data.
        var counts = await db.Database.SqlQuery<DayCount>($"""
            SELECT ((created_at AT TIME ZONE 'UTC') + make_interval(hours => {offsetHours}))::date AS "Day", count(*)::int AS "Count"
            FROM registrations
            WHERE batch_id = {batch.Id} AND created_at >= {from} AND created_at < {to}
            GROUP BY 1
            """).ToDictionaryAsync(d => d.Day, d => d.Count, ct);
        var days = new List<ChartPoint>();
        for (var day = batch.RegistrationStart; day <= batch.RegistrationEnd; day = day.AddDays(1))
        {
            days.Add(new ChartPoint(day.ToString("M/d", CultureInfo.InvariantCulture), day.ToString("yyyy年M月d日（ddd）", China), counts.GetValueOrDefault(day)));
        }

        return SvgChart.Columns("chart-days", $"{batch.Title}每日新增报名",
            $"报名期{batch.RegistrationStart.ToString("M月d日", China)}至{batch.RegistrationEnd.ToString("M月d日", China)}每天新建的报名（含草稿，按北京时间计），共{days.Sum(d => d.Value)}人次", days);
    }

    /// <summary>Live registrations (drafts to tickets; not rejected, lapsed, abandoned or cancelled) per plan of the batch.</summary>
    private async Task<SvgChartModel> PerProjectAsync(Batch batch, CancellationToken ct)
    {
        var rows = await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == batch.Id)
            .OrderBy(p => p.Project.SortOrder).ThenBy(p => p.Project.Code)
            .Select(p => new
            {
                p.Project.Code,
                p.Project.Name,
                p.CancelledAt,
                Count = db.Registrations.Count(r => r.ExamPlanId == p.Id && !Registration.NotLiveStatuses.Contains(r.Status)),
            })
            .ToListAsync(ct);
        var points = rows.Select(r =>
        {
            var name = r.CancelledAt is null ? r.Name : $"{r.Name}（已取消）";
            return new ChartPoint($"{r.Code} {name}", $"{r.Code} {name}", r.Count);
        }).ToList();
        return SvgChart.Rows("chart-projects", $"{batch.Title}各考核项目报名人数",
            $"各考核项目有效的报名（草稿至已发准考证，不含审核不通过、逾期未修改、已放弃和计划取消），共{points.Sum(p => p.Value)}人", points);
    }

    private sealed class DayCount
    {
        public DateOnly Day { get; set; }

        public int Count { get; set; }
    }
}
