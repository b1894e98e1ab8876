using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Infrastructure.Logging;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Registrations;

/// <summary>
/// A registration returned for changes and not re-submitted by the end of its batch's review window
/// becomes 逾期未修改. Runs under a PostgreSQL advisory lock, so several portal instances (or a
/// second run) act once; a registration already expired is not picked up again.
/// </summary>
public sealed class ReturnExpiry(PortalDbContext db, TimeProvider clock, Notifier notifier)
{
    private const long AdvisoryLockKey = 0x4550_5245_5431; // "EPRET1"

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
            .Include(r => r.History)
            .Where(r => r.Status == RegistrationStatus.Returned && db.Batches.Any(b => b.Id == r.BatchId && b.ReviewEnd < today))
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
            registration.ExpireReturn(now, plan.Batch.Schedule);
            notifier.RegistrationChanged(registration, plan.Project.Name, plan.Batch.Title);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return overdue.Count;
    }
}

/// <summary>
/// Runs the deadline jobs (<see cref="ReturnExpiry"/>, <see cref="Payments.PaymentAbandonment"/>,
/// <see cref="Reminders.DeadlineReminders"/>) every minute; off in tests, which run them themselves.
/// </summary>
public sealed class DeadlineJobsService(IServiceScopeFactory scopes, ILogger<DeadlineJobsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ReturnExpiry>().RunAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.ReturnsExpired(expired);
                }

                var abandoned = await scope.ServiceProvider.GetRequiredService<Payments.PaymentAbandonment>().RunAsync(stoppingToken);
                if (abandoned > 0)
                {
                    logger.PaymentsAbandoned(abandoned);
                }

                var reminded = await scope.ServiceProvider.GetRequiredService<Reminders.DeadlineReminders>().RunAsync(stoppingToken);
                if (reminded > 0)
                {
                    logger.RemindersSent(reminded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.JobFailed("DeadlineJobs", ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
