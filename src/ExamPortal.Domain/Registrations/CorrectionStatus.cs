namespace ExamPortal.Domain.Registrations;

public enum CorrectionStatus
{
    Pending,
    Approved,
    Refused,
}
