namespace ExamPortal.Web.Data.Entities;

public enum ReminderKind
{
    /// <summary>Returned for changes, not resubmitted, and the review window (审核期) is about to end.</summary>
    ReturnDeadline,

    /// <summary>Approved (or receipt returned), no receipt awaiting finance, and the payment window (缴费期) is about to end.</summary>
    PaymentDeadline,
}

/// <summary>
/// That a registration was reminded of a deadline: one row per registration, kind and deadline date, so the reminder job
/// may run every minute on every instance and still remind once (a deadline moved later, as an extended payment window
/// is, is reminded again).
/// </summary>
public sealed class Reminder
{
    public Guid RegistrationId { get; set; }
    public ReminderKind Kind { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset RemindedAt { get; set; }
}
