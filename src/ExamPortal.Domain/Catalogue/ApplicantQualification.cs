namespace ExamPortal.Domain.Catalogue;

// What the candidate states on the form. Education is the highest level attained, or, for a final-year
// student (应届毕业生) without a certificate yet, the level being studied for.
public sealed record ApplicantQualification(
    DateOnly BirthDate,
    EducationLevel Education,
    bool IsFinalYearStudent,
    string? MajorGroupName,
    string? Occupation,
    bool DeclaresRelatedSkill,
    IReadOnlyCollection<string> Declarations);
