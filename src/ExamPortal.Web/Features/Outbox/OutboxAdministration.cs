using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>A row of the outbox list: the recipient is masked, the body is not shown.</summary>
public sealed record OutboxListItem(
    Guid Id, OutboxChannel Channel, string MaskedRecipient, string Subject, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
{
    public bool CanRequeue => Status == OutboxStatus.Failed;
}

/// <summary>The CentreAdmin's view of the outbox (发送记录) and the one thing they may do to it: requeue a failed message.</summary>
public sealed class OutboxAdministration(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<Page<OutboxListItem>> ListAsync(OutboxStatus? status, OutboxChannel? channel, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        if (channel is { } c)
        {
            query = query.Where(m => m.Channel == c);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.Channel, m.Recipient, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError })
            .ToListAsync(ct);
        var items = rows.Select(m => new OutboxListItem(m.Id, m.Channel, MaskRecipient(m.Channel, m.Recipient), m.Subject, m.Status,
            m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError)).ToList();
        return new Page<OutboxListItem>(items, page, PageSize, total);
    }

    public static string MaskRecipient(OutboxChannel channel, string recipient) =>
        channel == OutboxChannel.Email ? EmailAddress.Mask(recipient) : MobileNumber.Mask(recipient);

    /// <summary>
    /// 重新发送: a Failed message becomes Pending now, with a fresh set of attempts. The status check and the change are one
    /// UPDATE, so a double click or a second administrator requeues it once; the act is audited in the same transaction.
    /// </summary>
    public async Task<WorkflowResult> RequeueAsync(Guid id, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), ct);
        if (changed == 0)
        {
            return await db.OutboxMessages.AnyAsync(m => m.Id == id, ct)
                ? WorkflowResult.Refused("只有发送失败的消息可以重新发送，该消息已在发送队列中或已发送")
                : WorkflowResult.NotFound;
        }

        AuditTrail.Record(db, admin, now, AuditTrail.OutboxRequeued, id.ToString(), "发送失败的消息重新加入发送队列");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }
}

/// <summary>The Chinese names the outbox pages show.</summary>
public static class OutboxLabels
{
    public static string ToChinese(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "待发送",
        OutboxStatus.Sent => "已发送",
        OutboxStatus.Failed => "发送失败",
        _ => status.ToString(),
    };

    public static string ToChinese(this OutboxChannel channel) => channel switch
    {
        OutboxChannel.Email => "邮件",
        OutboxChannel.Sms => "短信",
        _ => channel.ToString(),
    };
}
