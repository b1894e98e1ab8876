using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Registrations;

// One row of a registration's 操作记录. A class rather than a record: EF Core tracks entities by
// identity, and value equality would make two identical entries indistinguishable.
public sealed class RegistrationEvent
{
    // Who acts when nobody does: the scheduled job that closes overdue returns.
    public const string SystemUserId = "system";

    public const int NoteMaxLength = 2000;

    // For EF Core.
    private RegistrationEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid RegistrationId { get; private set; }

    // Null for the entry that creates the registration.
    public RegistrationStatus? From { get; private set; }

    public RegistrationStatus To { get; private set; }

    public string ActorUserId { get; private set; } = string.Empty;

    // Null when the system acted.
    public Role? ActorRole { get; private set; }

    public DateTimeOffset At { get; private set; }

    // One of RegistrationActions.
    public string Action { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    internal static RegistrationEvent Record(
        Guid registrationId, RegistrationStatus? from, RegistrationStatus to, string actorUserId, Role? actorRole,
        DateTimeOffset at, string action, string? note) =>
        new()
        {
            // Version 7 ids sort by time, which keeps the history index append-only.
            Id = Guid.CreateVersion7(at),
            RegistrationId = registrationId,
            From = from,
            To = to,
            ActorUserId = actorUserId,
            ActorRole = actorRole,
            At = at.ToUniversalTime(),
            Action = action,
            Note = note,
        };
}
