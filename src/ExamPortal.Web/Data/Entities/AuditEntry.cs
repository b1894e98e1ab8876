namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// One administrative act outside a registration's own history (payment window extended, plan cancelled,
/// payee account changed), written in the same transaction as the act. Append-only: no page edits or deletes it.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorUserId { get; set; }
    public required string ActorRole { get; set; }

    /// <summary>A short English verb, stable in stored rows, e.g. "PaymentWindowExtended".</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on, e.g. "Batch:3" or "ExamPlan:41".</summary>
    public required string Subject { get; set; }

    /// <summary>What changed and why, in Chinese, for the centre to read.</summary>
    public required string Details { get; set; }

    /// <summary>The registration acted on, when there is one, so its trail is found by an index.</summary>
    public Guid? RegistrationId { get; set; }

    /// <summary>The keyed hash of the person's ID number (PersonKeys), when the entry concerns a person; never the number itself.</summary>
    public byte[]? PersonKey { get; set; }
}
