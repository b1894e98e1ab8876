namespace ExamPortal.Domain.Common;

public enum Role
{
    Candidate,
    InstitutionStaff,
    CentreReviewer,
    CentreFinance,
    CentreExam,
    CentreAdmin,
}
