namespace ExamPortal.Domain.Institutions;

// Stored by name. Approved and Rejected are final: an organisation turned down applies again with a new application.
public enum InstitutionApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}
