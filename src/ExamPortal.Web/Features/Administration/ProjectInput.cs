using System.Globalization;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using FluentValidation;

namespace ExamPortal.Web.Features.Administration;

/// <summary>
/// A project as the admin edits it. The eligibility rule's shape (which alternatives, their kinds, the major lists) is the
/// announcement's reading and stays as it is; its wording, age floor, declarations and each alternative's parameters are edited here.
/// Numbers stay text so what was typed comes back with a message.
/// </summary>
public sealed class ProjectInput
{
    public const int NameMaxLength = 100;
    public const int WordingMaxLength = 2000;
    public const int LineMaxLength = 200;
    public const decimal FeeMax = 99_999_999.99m;

    public string? Name { get; set; }
    public string? Fee { get; set; }
    public bool IsActive { get; set; }
    public string? Wording { get; set; }
    public string? MinimumAge { get; set; }

    /// <summary>One declaration per line.</summary>
    public string? Declarations { get; set; }

    public List<PathInput> Paths { get; set; } = [];

    /// <summary>The project as the form was loaded (<see cref="ProjectAdministration.Stamp"/>): a save from an older form is refused.</summary>
    public string? Stamp { get; set; }

    public decimal FeeValue => decimal.Parse(Fee!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static ProjectInput From(Data.Entities.Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var rule = project.Eligibility;
        return new ProjectInput
        {
            Stamp = ProjectAdministration.Stamp(project),
            Name = project.Name,
            Fee = project.Fee.ToString("0.00", CultureInfo.InvariantCulture),
            IsActive = project.IsActive,
            Wording = rule.Wording,
            MinimumAge = rule.MinimumAge.ToString(CultureInfo.InvariantCulture),
            Declarations = string.Join('\n', rule.RequiredDeclarations),
            Paths = [.. rule.Paths.Select(p => new PathInput
            {
                Label = p.Label,
                MinimumEducation = p.MinimumEducation,
                FinalYearStudentLevels = [.. p.FinalYearStudentLevels],
                Occupations = string.Join('\n', p.Occupations),
                SkillDescription = p.SkillDescription,
            })],
        };
    }

    /// <summary>The rule with what was typed; kinds and major lists come from the stored rule, path by path.</summary>
    public EligibilityRule Apply(EligibilityRule stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored with
        {
            Wording = Wording!.Trim(),
            MinimumAge = int.Parse(MinimumAge!.Trim(), CultureInfo.InvariantCulture),
            RequiredDeclarations = Lines(Declarations),
            Paths = [.. stored.Paths.Select((path, i) => Paths[i].Apply(path))],
        };
    }
}

/// <summary>One alternative's parameters; only those of the stored alternative's kind are used.</summary>
public sealed class PathInput
{
    public string? Label { get; set; }
    public EducationLevel? MinimumEducation { get; set; }
    public List<EducationLevel> FinalYearStudentLevels { get; set; } = [];

    /// <summary>One occupation per line.</summary>
    public string? Occupations { get; set; }

    public string? SkillDescription { get; set; }

    public EligibilityPath Apply(EligibilityPath stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Kind switch
        {
            EligibilityPathKind.Education => stored with { Label = Label!.Trim(), MinimumEducation = MinimumEducation, FinalYearStudentLevels = [.. FinalYearStudentLevels.Distinct()] },
            EligibilityPathKind.RelatedOccupation => stored with { Label = Label!.Trim(), Occupations = ProjectInput.Lines(Occupations) },
            EligibilityPathKind.RelatedSkill => stored with { Label = Label!.Trim(), SkillDescription = SkillDescription!.Trim() },
            _ => stored with { Label = Label!.Trim() },
        };
    }
}

public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    public ProjectInputValidator()
    {
        RuleFor(x => x.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写项目名称")
            .MaximumLength(ProjectInput.NameMaxLength).WithMessage($"项目名称不能超过{ProjectInput.NameMaxLength}字");
        RuleFor(x => x.Fee).Must(BeAFee).WithMessage($"考核费请填写大于0的金额，最多两位小数，例如 150.00（不超过{ProjectInput.FeeMax:0.00}元）");
        RuleFor(x => x.Wording).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写申报条件原文（公告中的文字，考生以此为准）")
            .MaximumLength(ProjectInput.WordingMaxLength).WithMessage($"申报条件原文不能超过{ProjectInput.WordingMaxLength}字");
        RuleFor(x => x.MinimumAge)
            .Must(v => int.TryParse(v?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= Age.LegalWorkingAge && n <= 60)
            .WithMessage($"最低年龄请填写{Age.LegalWorkingAge}到60之间的整数（法定劳动年龄为{Age.LegalWorkingAge}周岁）");
        RuleFor(x => x.Declarations).Must(v => ProjectInput.Lines(v).All(l => l.Length <= ProjectInput.LineMaxLength))
            .WithMessage($"每条须确认事项不能超过{ProjectInput.LineMaxLength}字，一行一条");
        RuleForEach(x => x.Paths).ChildRules(path =>
        {
            path.RuleFor(p => p.Label).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写该申报条件向考生显示的说明")
                .MaximumLength(ProjectInput.LineMaxLength).WithMessage($"申报条件说明不能超过{ProjectInput.LineMaxLength}字");
            path.RuleFor(p => p.Occupations).Must(v => ProjectInput.Lines(v).All(l => l.Length <= ProjectInput.LineMaxLength))
                .WithMessage($"每个相关职业不能超过{ProjectInput.LineMaxLength}字，一行一个");
            path.RuleFor(p => p.SkillDescription).MaximumLength(ProjectInput.LineMaxLength).WithMessage($"相关技能说明不能超过{ProjectInput.LineMaxLength}字");
        });
    }

    private static bool BeAFee(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fee)
        && fee > 0 && fee <= ProjectInput.FeeMax && decimal.Round(fee, 2) == fee;
}
