namespace ExamPortal.Domain.Registrations;

// The files section 四（二）2 asks for: the photo, then the scans. Stored by name.
public enum DocumentSlot
{
    Photo,
    ApplicationForm,
    IntegrityCommitment,
    EducationProof,
    IdCardFront,
    IdCardBack,
}
