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
    public const string CalendarChanged = nameof(CalendarChanged);
    public const string BatchCreated = nameof(BatchCreated);
    public const string BatchChanged = nameof(BatchChanged);

    public static void Record(PortalDbContext db, Actor actor, DateTimeOffset at, string action, string subject, string details)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(at),
            At = at.ToUniversalTime(),
            ActorUserId = actor.UserId,
            ActorRole = actor.Role.ToString(),
            Action = action,
            Subject = subject,
            Details = details,
        });
    }
}
