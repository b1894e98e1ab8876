using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Infrastructure.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryReport(int Sent, int Retrying, int Failed)
{
    public static DeliveryReport operator +(DeliveryReport a, DeliveryReport b) =>
        new(a.Sent + b.Sent, a.Retrying + b.Retrying, a.Failed + b.Failed);

    public static DeliveryReport Add(DeliveryReport a, DeliveryReport b) => a + b;

    public int Attempted => Sent + Retrying + Failed;
}

/// <summary>
/// Delivers what is due in the outbox. Each batch is claimed with <c>SELECT … FOR UPDATE SKIP LOCKED</c> in a transaction
/// that stays open while it is sent, so several portal instances (or two runs of one) never take the same row; the row
/// becomes Sent, or waits 1, 2, 4 … (at most 60) minutes for another attempt, or after <see cref="OutboxOptions.MaxAttempts"/>
/// attempts becomes Failed. A crash between the send and the commit sends that message again: delivery is at least once.
/// <see cref="OutboxSender"/> calls <see cref="RunOnceAsync"/> on a timer; tests call it directly.
/// </summary>
public sealed class OutboxDelivery(
    PortalDbContext db, TimeProvider clock, SmtpMailer mailer, ISmsSender sms, IOptions<OutboxOptions> options, ILogger<OutboxDelivery> logger)
{
    public async Task<DeliveryReport> RunOnceAsync(CancellationToken ct)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var report = new DeliveryReport(0, 0, 0);
        while (true)
        {
            var (claimed, batch) = await RunBatchAsync(batchSize, ct);
            report += batch;
            if (claimed < batchSize)
            {
                return report;
            }
        }
    }

    private async Task<(int Claimed, DeliveryReport Report)> RunBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        var pending = nameof(OutboxStatus.Pending);
        var due = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE status = {pending} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return (0, new DeliveryReport(0, 0, 0));
        }

        var outcome = new Dictionary<Guid, Exception?>(await mailer.SendAsync([.. due.Where(m => m.Channel == OutboxChannel.Email)], ct));
        foreach (var text in due.Where(m => m.Channel == OutboxChannel.Sms))
        {
            try
            {
                await sms.SendAsync(text.Recipient, text.Body, text.Id, ct);
                outcome[text.Id] = null;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcome[text.Id] = ex;
            }
        }

        var report = new DeliveryReport(0, 0, 0);
        var at = clock.GetUtcNow().ToUniversalTime();
        foreach (var message in due)
        {
            report += Record(message, outcome[message.Id], at);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (due.Count, report);
    }

    private DeliveryReport Record(OutboxMessage message, Exception? error, DateTimeOffset at)
    {
        message.Attempts++;
        if (error is null)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = at;
            message.LastError = null;
            return new DeliveryReport(1, 0, 0);
        }

        message.LastError = DeliveryError.Describe(error);
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
            logger.OutboxGaveUp(message.Id, message.Channel, message.Attempts, error.GetType().Name);
            return new DeliveryReport(0, 0, 1);
        }

        message.NextAttemptAt = at + OutboxOptions.RetryDelay(message.Attempts);
        logger.OutboxRetrying(message.Id, message.Channel, message.Attempts, message.NextAttemptAt, error.GetType().Name);
        return new DeliveryReport(0, 1, 0);
    }
}
