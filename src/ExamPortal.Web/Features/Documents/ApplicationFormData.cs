namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// What the candidate typed for 《四川省专项职业能力考核个人申报表》, as display text (the caller turns
/// enums into their Chinese names). Optional fields print as blanks the candidate can fill by hand;
/// <see cref="Blank"/> leaves every box empty.
/// </summary>
public sealed record ApplicationFormData(
    string Name,
    string Gender,
    DateOnly? BirthDate,
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
    DateOnly? ExamDate)
{
    /// <summary>Nothing filled in: the forms as 相关附件下载 offers them, to complete by hand.</summary>
    public static ApplicationFormData Blank { get; } = new(
        string.Empty, string.Empty, null, string.Empty, string.Empty, string.Empty, string.Empty, null, null, null, null,
        string.Empty, string.Empty, string.Empty, string.Empty, null);
}
