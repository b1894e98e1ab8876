namespace ExamPortal.Web.Data.Entities;

public enum OutboxChannel
{
    Email,
    Sms,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// A message to deliver outside the portal (e-mail or SMS), written in the same transaction as the change that
/// caused it and delivered afterwards by the outbox sender, with retries.
/// </summary>
public sealed class OutboxMessage
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;

    public Guid Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The account it concerns, when there is one (codes for a new contact have no verified owner yet).</summary>
    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
