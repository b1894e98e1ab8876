namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// What the candidate typed for 《四川省专项职业能力考核个人申报表》, as display text (the caller turns
/// enums into their Chinese names). Optional fields print as blanks the candidate can fill by hand.
/// </summary>
public sealed record ApplicationFormData(
    string Name,
    string Gender,
    DateOnly BirthDate,
    string IdDocumentType,
    string IdNumber,
    string Mobile,
    string EducationLevel,
    string? GraduatedFrom,
    string? Major,
    string? Employer,
    string? Occupation,
    string Address,
    string ProjectName,
    string EligibilityCondition,
    string BatchName,
    DateOnly? ExamDate);
