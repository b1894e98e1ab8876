using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;

namespace ExamPortal.Web.Features.Administration;

/// <summary>Adds an audit entry to the unit of work: it commits with the act it records, or not at all.</summary>
public static class AuditTrail
{
    public const string PaymentWindowExtended = nameof(PaymentWindowExtended);
    public const string PayeeAccountChanged = nameof(PayeeAccountChanged);
    public const string ExamPlanCancelled = nameof(ExamPlanCancelled);
    public const string TicketsIssued = nameof(TicketsIssued);
    public const string ExamRoomsChanged = nameof(ExamRoomsChanged);
    public const string ExamArrangementChanged = nameof(ExamArrangementChanged);
    public const string TicketsPrinted = nameof(TicketsPrinted);
    public const string ScoreRecorded = nameof(ScoreRecorded);
    public const string ScoreCorrected = nameof(ScoreCorrected);
    public const string ResultDatesChanged = nameof(ResultDatesChanged);
    public const string ObjectionAnswered = nameof(ObjectionAnswered);
    public const string CertificatesIssued = nameof(CertificatesIssued);
    public const string CertificateCollected = nameof(CertificateCollected);
    public const string LedgerExported = nameof(LedgerExported);
    public const string PasswordRecovered = nameof(PasswordRecovered);
    public const string ContactChanged = nameof(ContactChanged);
    public const string StaffPasswordReset = nameof(StaffPasswordReset);
    public const string OutboxRequeued = nameof(OutboxRequeued);
    public const string InstitutionSuspended = nameof(InstitutionSuspended);
    public const string InstitutionReinstated = nameof(InstitutionReinstated);
    public const string StaffCreated = nameof(StaffCreated);
    public const string StaffRoleChanged = nameof(StaffRoleChanged);
    public const string StaffDisabled = nameof(StaffDisabled);
    public const string StaffEnabled = nameof(StaffEnabled);
    public const string ProjectChanged = nameof(ProjectChanged);
    public const string VenueChanged = nameof(VenueChanged);
    public const string VenueRoomsCopied = nameof(VenueRoomsCopied);
    public const string SignInSucceeded = nameof(SignInSucceeded);
    public const string SignInFailed = nameof(SignInFailed);
    public const string SignInLockedOut = nameof(SignInLockedOut);
    public const string ListExported = nameof(ListExported);
    public const string CalendarChanged = nameof(CalendarChanged);
    public const string BatchCreated = nameof(BatchCreated);
    public const string BatchChanged = nameof(BatchChanged);

    /// <summary>The actor of a failed sign-in to an account that does not exist.</summary>
    public const string AnonymousUserId = "anonymous";

    public const string AnonymousRole = "Anonymous";

    /// <summary>
    /// Records an act; registrationId and personKey (PersonKeys) let the audit search find the entry by registration
    /// and by person through their indexes.
    /// </summary>
    public static void Record(
        PortalDbContext db, Actor actor, DateTimeOffset at, string action, string subject, string details, Guid? registrationId = null, byte[]? personKey = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Add(db, actor.UserId, actor.Role.ToString(), at, action, subject, details, registrationId, personKey);
    }

    /// <summary>Records an act of someone not known to the portal (a sign-in to an account that does not exist).</summary>
    public static void RecordAnonymous(PortalDbContext db, DateTimeOffset at, string action, string subject, string details) =>
        Add(db, AnonymousUserId, AnonymousRole, at, action, subject, details, null, null);

    /// <summary>Records an act of an account that has no role yet (an institution's first account before approval).</summary>
    public static void RecordWithoutRole(PortalDbContext db, string userId, DateTimeOffset at, string action, string subject, string details) =>
        Add(db, userId, AnonymousRole, at, action, subject, details, null, null);

    private static void Add(
        PortalDbContext db, string actorUserId, string actorRole, DateTimeOffset at, string action, string subject, string details, Guid? registrationId, byte[]? personKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(at),
            At = at.ToUniversalTime(),
            ActorUserId = actorUserId,
            ActorRole = actorRole,
            Action = action,
            Subject = subject,
            Details = details,
            RegistrationId = registrationId,
            PersonKey = personKey,
        });
    }
}
