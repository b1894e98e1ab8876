using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Web.Features.InstitutionApplicants;

/// <summary>
/// The drop-down choices of the institution's applicant forms: the same ones the Excel template offers,
/// so a person typed by hand and a row of the sheet are read alike.
/// </summary>
public static class ApplicantFormChoices
{
    public static IReadOnlyList<string> IdTypes { get; } = Enum.GetValues<IdDocumentType>().Select(IdDocumentTypes.DisplayName).ToList();

    public static IReadOnlyList<string> Genders { get; } = ["男", "女"];

    public static IReadOnlyList<string> Educations { get; } = Enum.GetValues<EducationLevel>().Select(EducationLevels.DisplayName).ToList();

    /// <summary>Null for a column typed freely.</summary>
    public static IReadOnlyList<string>? For(ApplicantColumn column, IReadOnlyList<string> projectNames, IReadOnlyList<string> conditions) =>
        column == ApplicantColumns.IdDocumentType ? IdTypes
        : column == ApplicantColumns.Gender ? Genders
        : column == ApplicantColumns.Education ? Educations
        : column == ApplicantColumns.Project ? projectNames
        : column == ApplicantColumns.Condition ? conditions
        : null;
}
