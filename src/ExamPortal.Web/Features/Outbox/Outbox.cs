using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>
/// Queues e-mail and SMS in the caller's unit of work: the message exists if and only if the change that caused it
/// commits. Delivery happens afterwards, outside the request.
/// </summary>
public sealed class Outbox(PortalDbContext db, TimeProvider clock)
{
    public void Email(string to, string subject, string body, string? userId = null) => Add(OutboxChannel.Email, to, subject, body, userId);

    public void Sms(string to, string text, string? userId = null) => Add(OutboxChannel.Sms, to, "短信", text, userId);

    private void Add(OutboxChannel channel, string to, string subject, string body, string? userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var now = clock.GetUtcNow().ToUniversalTime();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Channel = channel,
            Recipient = to.Trim(),
            Subject = subject.Length > OutboxMessage.SubjectMaxLength ? subject[..OutboxMessage.SubjectMaxLength] : subject,
            Body = body.Length > OutboxMessage.BodyMaxLength ? body[..OutboxMessage.BodyMaxLength] : body,
            UserId = userId,
            CreatedAt = now,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
        });
    }
}
