namespace ExamPortal.Domain.Registrations;

// Stored by name, so new states (payment, abandonment) are appended without changing what stored rows mean.
public enum RegistrationStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Returned,
    ReturnExpired,
}
