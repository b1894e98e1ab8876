using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// One row of an application's 操作记录. A class rather than a record: EF Core tracks entities by identity,
// and value equality would make two identical entries indistinguishable.
public sealed class InstitutionApplicationEvent
{
    // Who submits: the organisation has no account until the centre approves it.
    public const string AnonymousUserId = "anonymous";

    // Long enough for the longest reject reason.
    public const int NoteMaxLength = InstitutionApplication.ReasonMaxLength;

    // For EF Core.
    private InstitutionApplicationEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    // Null for the entry that creates the application.
    public InstitutionApplicationStatus? From { get; private set; }

    public InstitutionApplicationStatus To { get; private set; }

    public string ActorUserId { get; private set; } = string.Empty;

    // Null when the anonymous applicant acted.
    public Role? ActorRole { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }

    internal static InstitutionApplicationEvent Record(
        Guid applicationId, InstitutionApplicationStatus? from, InstitutionApplicationStatus to, string actorUserId,
        Role? actorRole, DateTimeOffset at, string? note) =>
        new()
        {
            // Version 7 ids sort by time, which keeps the history index append-only.
            Id = Guid.CreateVersion7(at),
            ApplicationId = applicationId,
            From = from,
            To = to,
            ActorUserId = actorUserId,
            ActorRole = actorRole,
            At = at.ToUniversalTime(),
            Note = note,
        };
}
