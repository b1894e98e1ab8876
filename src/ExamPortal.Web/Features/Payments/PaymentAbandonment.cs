using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Payments;

/// <summary>
/// At the end of a batch's payment window, every approved registration without a submitted receipt, and
/// every one whose receipt was returned and not resubmitted, becomes 已放弃 (视为放弃报考). Runs under a
/// PostgreSQL advisory lock, so several portal instances (or a second run) act once; a registration
/// already abandoned is not picked up again. A receipt still awaiting finance is never abandoned.
/// </summary>
public sealed class PaymentAbandonment(PortalDbContext db, TimeProvider clock, Notifier notifier)
{
    private const long AdvisoryLockKey = 0x4550_5041_5931; // "EPPAY1"

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var acquired = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"")
            .SingleAsync(ct);
        if (!acquired)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var overdue = await db.Registrations
            .Where(r => Registration.AwaitingPaymentStatuses.Contains(r.Status) && db.Batches.Any(b => b.Id == r.BatchId && b.PaymentEnd < today))
            .ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var planIds = overdue.Select(r => r.ExamPlanId).Distinct().ToList();
        var plans = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project)
            .Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        foreach (var registration in overdue)
        {
            var plan = plans[registration.ExamPlanId];
            registration.Abandon(now, plan.Batch.Schedule);
            notifier.RegistrationChanged(registration, plan.Project.Name, plan.Batch.Title);
        }

        // Institution applicants have no account: each institution hears once, with the count.
        foreach (var group in overdue.Where(r => r.InstitutionId is not null).GroupBy(r => (InstitutionId: r.InstitutionId!.Value, r.BatchId)))
        {
            var batch = plans[group.First().ExamPlanId].Batch;
            var names = string.Join("、", group.Select(r => r.Details?.FullName).Order(StringComparer.Ordinal));
            await notifier.InstitutionAsync(group.Key.InstitutionId, "考生未按时缴费，视为放弃报考",
                $"{batch.Title}缴费期已结束，以下{group.Count()}名考生未完成缴费，视为放弃报考，不予核发准考证：{names}。", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return overdue.Count;
    }
}
