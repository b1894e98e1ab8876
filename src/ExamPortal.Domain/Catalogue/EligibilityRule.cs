using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;

namespace ExamPortal.Domain.Catalogue;

// A project's 申报条件: the age floor, then any one of the paths, then every declaration.
// Plain init properties so that the web can store it as JSON and read it back unchanged.
public sealed record EligibilityRule
{
    // The announcement's text, shown to users as the authority.
    public required string Wording { get; init; }

    public int MinimumAge { get; init; } = Age.LegalWorkingAge;

    // Any one suffices; an empty list adds no condition beyond age and declarations.
    public IReadOnlyList<EligibilityPath> Paths { get; init; } = [];

    // Affirmed by the candidate in every case, e.g. "具有计算机操作能力".
    public IReadOnlyList<string> RequiredDeclarations { get; init; } = [];

    public EligibilityResult Evaluate(ApplicantQualification applicant, DateOnly onDay)
    {
        ArgumentNullException.ThrowIfNull(applicant);

        var problems = new List<string>();
        if (applicant.BirthDate > onDay)
        {
            problems.Add($"出生日期{ChineseText.Date(applicant.BirthDate)}晚于{ChineseText.Date(onDay)}，请核对出生日期");
        }
        else
        {
            var age = Age.On(applicant.BirthDate, onDay);
            if (age < MinimumAge)
            {
                problems.Add($"未达到法定劳动年龄（年满{MinimumAge}周岁），按出生日期计算，您在{ChineseText.Date(onDay)}为{age}周岁");
            }
        }

        var matched = Paths.FirstOrDefault(path => path.IsMetBy(applicant));
        if (Paths.Count > 0 && matched is null)
        {
            if (Paths.Count > 1)
            {
                var alternatives = string.Join("；", Paths.Select((path, i) => $"{i + 1}.{path.Label}"));
                problems.Add($"本项目须满足以下条件之一：{alternatives}");
            }

            problems.AddRange(Paths.Select(path => path.ProblemFor(applicant)).OfType<string>());
        }

        var declarations = applicant.Declarations ?? [];
        problems.AddRange(RequiredDeclarations.Where(d => !declarations.Contains(d)).Select(d => $"请确认：{d}"));

        var eligible = problems.Count == 0;
        return new EligibilityResult(eligible, eligible ? matched : null, problems);
    }
}
