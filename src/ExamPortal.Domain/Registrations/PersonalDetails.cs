using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;

namespace ExamPortal.Domain.Registrations;

// What the candidate (or the institution for them) fills in on the form. Plain init properties with
// defaults so that the web can store it as JSON and read it back unchanged; a draft may be partial.
public sealed record PersonalDetails
{
    public string FullName { get; init; } = string.Empty;

    public Gender Gender { get; init; }

    public DateOnly BirthDate { get; init; }

    public string Mobile { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    // The highest level attained or, for a final-year student, the level being studied for.
    public EducationLevel Education { get; init; }

    public bool IsFinalYearStudent { get; init; }

    public string School { get; init; } = string.Empty;

    public string Major { get; init; } = string.Empty;

    // The related-major category (专业类) chosen from the project's list, for projects such as 19.
    public string? MajorGroupName { get; init; }

    public string Employer { get; init; } = string.Empty;

    public string? Occupation { get; init; }

    public bool DeclaresRelatedSkill { get; init; }

    // Statements affirmed, e.g. "具有计算机操作能力", compared verbatim with the rule's.
    public IReadOnlyList<string> Declarations { get; init; } = [];

    // Which of the five cases ①–⑤ the uploaded 学历或学籍证明 is.
    public EducationProofCase? EducationProofCase { get; init; }

    public ApplicantQualification ToQualification() =>
        new(BirthDate, Education, IsFinalYearStudent, MajorGroupName, Occupation, DeclaresRelatedSkill, Declarations);

    // Fields a draft may leave empty but a submission may not, by their names on the form. The proof case
    // is listed with the documents by Registration.MissingForSubmission.
    // An institution's applicants give no postal address: the institution is their contact.
    internal IEnumerable<string> MissingFields(bool requireAddress)
    {
        if (string.IsNullOrWhiteSpace(FullName))
        {
            yield return "姓名";
        }

        if (BirthDate == default)
        {
            yield return "出生日期";
        }

        if (string.IsNullOrWhiteSpace(Mobile))
        {
            yield return "手机号码";
        }

        if (requireAddress && string.IsNullOrWhiteSpace(Address))
        {
            yield return "联系地址";
        }
    }

    // Trimmed as stored, so that eligibility compares what the candidate meant, not stray spaces. Nulls are
    // tolerated because model binding and JSON can produce them despite the annotations.
    internal PersonalDetails Trimmed() => this with
    {
        FullName = Clean(FullName),
        Mobile = Clean(Mobile),
        Address = Clean(Address),
        School = Clean(School),
        Major = Clean(Major),
        MajorGroupName = CleanOrNull(MajorGroupName),
        Employer = Clean(Employer),
        Occupation = CleanOrNull(Occupation),
        Declarations = [.. (Declarations ?? []).Select(Clean).Where(d => d.Length > 0).Distinct()],
    };

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;

    private static string? CleanOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
