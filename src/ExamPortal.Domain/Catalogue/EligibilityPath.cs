using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Catalogue;

// One alternative of a 申报条件 ("具备以下条件之一"). Only the members of its Kind are used.
// Plain init properties so that the web can store a rule as JSON and read it back unchanged.
public sealed record EligibilityPath
{
    public required EligibilityPathKind Kind { get; init; }

    public EducationLevel? MinimumEducation { get; init; }

    // Levels whose final-year students without a certificate yet (应届毕业生) may apply at the level being studied for.
    public IReadOnlyList<EducationLevel> FinalYearStudentLevels { get; init; } = [];

    public IReadOnlyList<MajorGroup> Majors { get; init; } = [];

    public IReadOnlyList<string> Occupations { get; init; } = [];

    public string? SkillDescription { get; init; }

    // Shown to the candidate when choosing a 申报条件.
    public required string Label { get; init; }

    public static EligibilityPath ForEducation(EducationLevel minimum, string label, params IReadOnlyList<EducationLevel> finalYearStudentLevels) =>
        new()
        {
            Kind = EligibilityPathKind.Education,
            MinimumEducation = minimum,
            FinalYearStudentLevels = finalYearStudentLevels,
            Label = label,
        };

    public static EligibilityPath ForRelatedMajors(string label, IReadOnlyList<MajorGroup> majors) =>
        new() { Kind = EligibilityPathKind.RelatedMajor, Majors = majors, Label = label };

    public static EligibilityPath ForRelatedOccupations(string label, IReadOnlyList<string> occupations) =>
        new() { Kind = EligibilityPathKind.RelatedOccupation, Occupations = occupations, Label = label };

    public static EligibilityPath ForRelatedSkill(string skillDescription, string label) =>
        new() { Kind = EligibilityPathKind.RelatedSkill, SkillDescription = skillDescription, Label = label };

    public bool IsMetBy(ApplicantQualification applicant) => ProblemFor(applicant) is null;

    // Null when met; otherwise one sentence saying what is missing.
    internal string? ProblemFor(ApplicantQualification applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return Kind switch
        {
            EligibilityPathKind.Education => EducationProblem(applicant),
            EligibilityPathKind.RelatedMajor => MajorProblem(applicant),
            EligibilityPathKind.RelatedOccupation => OccupationProblem(applicant),
            EligibilityPathKind.RelatedSkill => applicant.DeclaresRelatedSkill ? null : $"请确认：{Label}",
            _ => throw new InvalidOperationException($"未知的申报条件类型：{Kind}"),
        };
    }

    private string? EducationProblem(ApplicantQualification applicant)
    {
        var minimum = MinimumEducation ?? EducationLevel.JuniorHighOrBelow;
        var stated = EducationLevels.DisplayName(applicant.Education);
        if (EducationLevels.Rank(applicant.Education) < EducationLevels.Rank(minimum))
        {
            return $"本项目要求{EducationLevels.RequirementText(minimum)}，您填写的是{stated}";
        }

        if (!applicant.IsFinalYearStudent || FinalYearStudentLevels.Contains(applicant.Education))
        {
            return null;
        }

        return FinalYearStudentLevels.Count == 0
            ? "本项目不接受尚未取得毕业证书的应届毕业生按在读学历报名，请按已取得的最高学历填写"
            : $"本项目只接受{ChineseText.List(FinalYearStudentLevels.Select(EducationLevels.DisplayName))}尚未取得毕业证书的应届毕业生按在读学历报名，"
                + $"{stated}应届毕业生请按已取得的最高学历填写";
    }

    private string? MajorProblem(ApplicantQualification applicant)
    {
        var stated = EducationLevels.DisplayName(applicant.Education);
        if (EducationLevels.Rank(applicant.Education) < EducationLevels.Rank(EducationLevel.JuniorCollege))
        {
            return $"按相关专业报名须取得大学专科及以上学历，您填写的是{stated}";
        }

        if (applicant.IsFinalYearStudent)
        {
            return "按相关专业报名须已取得毕业证书，尚未毕业的应届毕业生不能按此条件报名";
        }

        // The lists are per band: a 本科 graduate is judged against the 本科 list only.
        var band = Majors.Where(m => m.Level == applicant.Education).ToList();
        if (band.Count == 0)
        {
            return $"本项目没有列出{stated}相关专业，{stated}学历不能按相关专业报名";
        }

        var names = ChineseText.List(band.Select(m => m.Code is null ? m.Name : $"{m.Name}（{m.Code}）"));
        var major = applicant.MajorGroupName?.Trim();
        if (string.IsNullOrEmpty(major))
        {
            return $"请填写您所学专业的类别（本项目{stated}相关专业：{names}）";
        }

        return band.Any(m => m.Name == major)
            ? null
            : $"您填写的专业类别“{major}”不在本项目{stated}相关专业范围内（{names}）";
    }

    private string? OccupationProblem(ApplicantQualification applicant)
    {
        var names = ChineseText.List(Occupations);
        var occupation = applicant.Occupation?.Trim();
        if (string.IsNullOrEmpty(occupation))
        {
            return $"请填写您从事的相关职业（本项目相关职业：{names}）";
        }

        return Occupations.Contains(occupation)
            ? null
            : $"您填写的职业“{occupation}”不在本项目相关职业范围内（{names}）";
    }
}
