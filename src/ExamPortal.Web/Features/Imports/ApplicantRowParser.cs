using System.Globalization;
using System.Text.RegularExpressions;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// Reads and checks the rows of one sheet, in order: it remembers the ID numbers seen so far to report
/// duplicates on the later rows. The rules themselves are the domain's (IdentityNumber, MobileNumber, Age,
/// EligibilityRule); this class only turns cells into their inputs and their answers into cell problems.
/// </summary>
internal sealed partial class ApplicantRowParser
{
    public const string DigitsLostMessage = "证件号码被Excel存成了数字（科学计数法），末几位已丢失：请把该列设置为“文本”格式后重新输入该号码";

    // A double keeps 15 significant digits at most: from 15 digits on, the number typed is not the number kept.
    private const double SmallestLostNumber = 1e14;

    private const int MaxNameLength = 50;
    private const int MaxTextLength = 100;
    private const int MaxOccupationLength = 50;

    private static readonly string IdDocumentTypeChoices =
        string.Join("、", Enum.GetValues<IdDocumentType>().Select(IdDocumentTypes.DisplayName));

    private static readonly string EducationChoices =
        string.Join("、", Enum.GetValues<EducationLevel>().Select(EducationLevels.DisplayName));

    private readonly DateOnly asOf;
    private readonly Dictionary<string, CatalogueProject> projects;
    private readonly Dictionary<string, int> firstRowByIdNumber = new(StringComparer.Ordinal);

    public ApplicantRowParser(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        asOf = context.AsOf;
        projects = new Dictionary<string, CatalogueProject>(StringComparer.Ordinal);
        foreach (var rule in context.ProjectsByName.Values)
        {
            projects.TryAdd(CellText.Key(rule.Name), new CatalogueProject(rule));
        }
    }

    /// <summary>Whether a row holds nothing but perhaps a sequence number, as pre-numbered empty rows do.</summary>
    public static bool IsBlank(object?[] cells) =>
        ApplicantColumns.All.All(c => c == ApplicantColumns.SequenceNumber || cells[c.Index] is null || cells[c.Index] is string s && string.IsNullOrWhiteSpace(s));

    /// <param name="rowNumber">The row number Excel shows.</param>
    /// <param name="cells">The cell values MiniExcel gave, indexed by <see cref="ApplicantColumn.Index"/>.</param>
    public ApplicantRow Parse(int rowNumber, object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var raw = new Dictionary<string, string>(ApplicantColumns.All.Count, StringComparer.Ordinal);
        foreach (var column in ApplicantColumns.All)
        {
            raw[column.Header] = CellText.Display(cells[column.Index], column == ApplicantColumns.BirthDate);
        }

        var problems = new Problems();
        var sequenceNumber = CellText.Clean(raw[ApplicantColumns.SequenceNumber.Header]);
        var fullName = ReadName(raw, problems);
        var (type, identity, idNumber) = ReadIdentity(rowNumber, cells, raw, problems);
        var gender = ReadGender(raw, identity, problems);
        var birthDate = ReadBirthDate(cells, raw, identity, problems);
        var mobile = ReadMobile(raw, problems);
        var education = ReadEducation(raw, problems);
        var school = ReadText(raw, ApplicantColumns.School, MaxTextLength, problems);
        var major = ReadText(raw, ApplicantColumns.Major, MaxTextLength, problems);
        var employer = ReadText(raw, ApplicantColumns.Employer, MaxTextLength, problems);
        var occupation = ReadText(raw, ApplicantColumns.Occupation, MaxOccupationLength, problems);
        var (project, projectName) = ReadProject(raw, problems);
        var (path, conditionLabel) = ReadCondition(raw, project, problems);
        if (path?.Kind == EligibilityPathKind.RelatedOccupation)
        {
            occupation = Canonical(occupation, path.Occupations) ?? occupation;
        }

        var isOfAge = CheckAge(birthDate, project, problems);

        ApplicantQualification? qualification = null;
        if (project is not null && (path is not null || project.Rule.Eligibility.Paths.Count == 0)
            && education is { } level && birthDate is { } birth && isOfAge)
        {
            qualification = new ApplicantQualification(
                birth,
                level,
                IsFinalYearStudent: false,
                MajorGroupName: path?.Kind == EligibilityPathKind.RelatedMajor ? Canonical(major, path.Majors.Select(m => m.Name)) : null,
                Occupation: NullIfEmpty(occupation),
                DeclaresRelatedSkill: path?.Kind == EligibilityPathKind.RelatedSkill,
                // The institution vouches for these in its first review (初审) of the applicant.
                Declarations: project.Rule.Eligibility.RequiredDeclarations);
            CheckEligibility(project.Rule.Eligibility, path, qualification, problems);
        }

        return new ApplicantRow(
            rowNumber,
            sequenceNumber.Length == 0 ? null : sequenceNumber,
            fullName,
            type,
            idNumber,
            gender,
            birthDate,
            mobile,
            education,
            school,
            major,
            employer,
            occupation,
            projectName,
            project?.Rule.Code,
            conditionLabel,
            problems.InColumnOrder(),
            raw)
        {
            Qualification = qualification,
        };
    }

    private static string ReadName(Dictionary<string, string> raw, Problems problems)
    {
        var name = CellText.Clean(raw[ApplicantColumns.FullName.Header]);
        if (name.Length == 0)
        {
            problems.Add(ApplicantColumns.FullName, "请填写姓名（与证件一致）");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add(ApplicantColumns.FullName, $"姓名不能超过{MaxNameLength}个字符，请核对");
        }

        return name;
    }

    private (IdDocumentType? Type, IdentityNumber? Identity, string Number) ReadIdentity(
        int rowNumber, object?[] cells, Dictionary<string, string> raw, Problems problems)
    {
        var typeText = CellText.Clean(raw[ApplicantColumns.IdDocumentType.Header]);
        var numberText = raw[ApplicantColumns.IdNumber.Header].Trim();
        var stated = typeText.Length == 0 ? null : ImportVocabulary.ParseIdDocumentType(typeText);
        if (typeText.Length > 0 && stated is null)
        {
            problems.Add(ApplicantColumns.IdDocumentType, $"“{typeText}”不是可选的证件类型，请从下拉列表选择（{IdDocumentTypeChoices}）");
        }

        if (cells[ApplicantColumns.IdNumber.Index] is double number && Math.Abs(number) >= SmallestLostNumber
            || ScientificNotation().IsMatch(IdentityNumber.Normalize(numberText)))
        {
            problems.Add(ApplicantColumns.IdNumber, DigitsLostMessage);
            return (stated, null, numberText);
        }

        if (IdentityNumber.Normalize(numberText).Length == 0)
        {
            problems.Add(ApplicantColumns.IdNumber, stated is { } type ? $"请填写{IdDocumentTypes.DisplayName(type)}号码" : "请填写证件号码");
            return (stated, null, numberText);
        }

        IdentityNumber? identity = null;
        if (stated is { } statedType)
        {
            var parsed = IdentityNumber.Parse(statedType, numberText);
            identity = parsed.Number;
            if (!parsed.IsValid)
            {
                problems.Add(ApplicantColumns.IdNumber, parsed.Error);
            }
        }
        else if (typeText.Length == 0)
        {
            identity = Infer(numberText, problems);
        }

        CheckDuplicate(rowNumber, IdentityNumber.Normalize(numberText), problems);
        return (identity?.Type ?? stated, identity, identity?.Value ?? numberText);
    }

    // An empty type is read as the number shows it: the residence permits and the 2023 foreign permanent
    // resident cards are recognisable by their prefixes, anything else is taken for a resident ID card,
    // by far the most common document, and the message says so.
    private static IdentityNumber? Infer(string numberText, Problems problems)
    {
        foreach (var type in new[] { IdDocumentType.HongKongMacaoTaiwanResidencePermit, IdDocumentType.ForeignPermanentResidentIdCard })
        {
            if (IdentityNumber.Parse(type, numberText).Number is { } number)
            {
                return number;
            }
        }

        var resident = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, numberText);
        if (!resident.IsValid)
        {
            problems.Add(ApplicantColumns.IdNumber, $"{resident.Error}（未填写证件类型，已按居民身份证核对；如是其他证件，请在“证件类型”列选择）");
        }

        return resident.Number;
    }

    private void CheckDuplicate(int rowNumber, string normalizedNumber, Problems problems)
    {
        if (firstRowByIdNumber.TryGetValue(normalizedNumber, out var firstRow))
        {
            problems.Add(ApplicantColumns.IdNumber, $"与第{firstRow}行的证件号码重复：同一考生在一个文件中只能填写一次，请删除重复的行");
        }
        else
        {
            firstRowByIdNumber.Add(normalizedNumber, rowNumber);
        }
    }

    private static Gender? ReadGender(Dictionary<string, string> raw, IdentityNumber? identity, Problems problems)
    {
        var text = CellText.Clean(raw[ApplicantColumns.Gender.Header]);
        var stated = text.Length == 0 ? null : ImportVocabulary.ParseGender(text);
        if (text.Length > 0 && stated is null)
        {
            problems.Add(ApplicantColumns.Gender, $"性别“{text}”无法识别，请填写“男”或“女”");
        }
        else if (stated is { } given && identity?.Gender is { } fromId && given != fromId)
        {
            problems.Add(ApplicantColumns.Gender, $"性别与证件号码不符：按证件号码应为{GenderName(fromId)}，请核对性别或证件号码");
        }
        else if (text.Length == 0 && identity is { Gender: null })
        {
            problems.Add(ApplicantColumns.Gender, "请填写性别（男或女）：该证件号码不含性别信息");
        }

        return identity?.Gender ?? stated;
    }

    private static DateOnly? ReadBirthDate(object?[] cells, Dictionary<string, string> raw, IdentityNumber? identity, Problems problems)
    {
        var text = raw[ApplicantColumns.BirthDate.Header].Trim();
        var stated = text.Length == 0 ? null : CellDate.Read(cells[ApplicantColumns.BirthDate.Index]);
        if (text.Length > 0 && stated is null)
        {
            problems.Add(ApplicantColumns.BirthDate, $"出生日期“{text}”无法识别，请按“1990-01-02”的格式填写");
        }
        else if (stated is { } given && identity?.BirthDate is { } fromId && given != fromId)
        {
            problems.Add(ApplicantColumns.BirthDate, $"出生日期与证件号码不符：按证件号码应为{ChineseDate(fromId)}，请核对出生日期或证件号码");
        }
        else if (text.Length == 0 && identity is { BirthDate: null })
        {
            problems.Add(ApplicantColumns.BirthDate, "请填写出生日期：该证件号码不含出生日期信息");
        }

        return identity?.BirthDate ?? stated;
    }

    private static string ReadMobile(Dictionary<string, string> raw, Problems problems)
    {
        var text = raw[ApplicantColumns.Mobile.Header];
        if (MobileNumber.TryNormalize(text, out var mobile, out var error))
        {
            return mobile;
        }

        problems.Add(ApplicantColumns.Mobile, error);
        return text.Trim();
    }

    private static EducationLevel? ReadEducation(Dictionary<string, string> raw, Problems problems)
    {
        var text = CellText.Clean(raw[ApplicantColumns.Education.Header]);
        var level = text.Length == 0 ? null : ImportVocabulary.ParseEducation(text);
        if (text.Length == 0)
        {
            problems.Add(ApplicantColumns.Education, $"请从下拉列表选择文化程度（{EducationChoices}）");
        }
        else if (level is null)
        {
            problems.Add(ApplicantColumns.Education, $"文化程度“{text}”无法识别，请从下拉列表选择（{EducationChoices}）");
        }

        return level;
    }

    private static string ReadText(Dictionary<string, string> raw, ApplicantColumn column, int maxLength, Problems problems)
    {
        var text = CellText.Clean(raw[column.Header]);
        if (text.Length > maxLength)
        {
            problems.Add(column, $"{column.Header}不能超过{maxLength}个字符，请精简");
        }

        return text;
    }

    private (CatalogueProject? Project, string Name) ReadProject(Dictionary<string, string> raw, Problems problems)
    {
        var text = CellText.Clean(raw[ApplicantColumns.Project.Header]);
        if (text.Length == 0)
        {
            problems.Add(ApplicantColumns.Project, "请从下拉列表选择申报项目");
            return (null, text);
        }

        if (projects.TryGetValue(CellText.Key(text), out var project))
        {
            return (project, project.Rule.Name);
        }

        problems.Add(ApplicantColumns.Project, $"“{text}”不是本批次可报名的项目，请从下拉列表选择项目名称");
        return (null, text);
    }

    private static (EligibilityPath? Path, string Label) ReadCondition(Dictionary<string, string> raw, CatalogueProject? project, Problems problems)
    {
        var text = CellText.Clean(raw[ApplicantColumns.Condition.Header]);
        if (project is null || project.Rule.Eligibility.Paths.Count == 0)
        {
            return (null, text);
        }

        var paths = project.Rule.Eligibility.Paths;
        if (text.Length == 0)
        {
            // Nothing to choose between: the project's one condition is the one meant.
            if (paths.Count == 1)
            {
                return (paths[0], paths[0].Label);
            }

            problems.Add(ApplicantColumns.Condition, $"请选择申报条件，“{project.Rule.Name}”可选：{project.Choices}");
            return (null, text);
        }

        if (project.PathsByKey.TryGetValue(CellText.Key(text), out var path))
        {
            return (path, path.Label);
        }

        problems.Add(ApplicantColumns.Condition, $"“{text}”不是“{project.Rule.Name}”的申报条件，请从以下条件中选择：{project.Choices}");
        return (null, text);
    }

    private bool CheckAge(DateOnly? birthDate, CatalogueProject? project, Problems problems)
    {
        if (birthDate is not { } birth)
        {
            return false;
        }

        if (birth > asOf)
        {
            problems.Add(ApplicantColumns.BirthDate, $"出生日期{ChineseDate(birth)}晚于{ChineseDate(asOf)}，请核对出生日期");
            return false;
        }

        // The project's own floor when it sets a higher one, so that the eligibility check never repeats this.
        var minimum = Math.Max(Age.LegalWorkingAge, project?.Rule.Eligibility.MinimumAge ?? 0);
        var age = Age.On(birth, asOf);
        if (age >= minimum)
        {
            return true;
        }

        problems.Add(ApplicantColumns.BirthDate, $"未满{minimum}周岁（法定劳动年龄），不能报名：按出生日期计算，在{ChineseDate(asOf)}为{age}周岁");
        return false;
    }

    // Judged on the chosen condition alone: the institution states which one the applicant applies under.
    private void CheckEligibility(EligibilityRule rule, EligibilityPath? path, ApplicantQualification qualification, Problems problems)
    {
        var chosen = path is null ? rule : rule with { Paths = [path] };
        var column = path?.Kind switch
        {
            EligibilityPathKind.Education => ApplicantColumns.Education,
            EligibilityPathKind.RelatedMajor => ApplicantColumns.Major,
            EligibilityPathKind.RelatedOccupation => ApplicantColumns.Occupation,
            _ => ApplicantColumns.Condition,
        };
        foreach (var problem in chosen.Evaluate(qualification, asOf).Problems)
        {
            problems.Add(column, problem);
        }
    }

    // "心理学类" for "心理学类 " or "心理学类" typed with other brackets; the text as typed when nothing matches,
    // so that the domain's message quotes it.
    private static string? Canonical(string text, IEnumerable<string> names)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var key = CellText.Key(text);
        return names.FirstOrDefault(name => CellText.Key(name) == key) ?? text;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string GenderName(Gender gender) => gender == Gender.Male ? "男" : "女";

    private static string ChineseDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    // 5.10104E+17 as Excel shows it, or 5.1010419900101126E+17 as a double prints.
    [GeneratedRegex("^[0-9](?:\\.[0-9]+)?E\\+[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNotation();

    private sealed class CatalogueProject
    {
        public CatalogueProject(ProjectRule rule)
        {
            Rule = rule;
            PathsByKey = new Dictionary<string, EligibilityPath>(StringComparer.Ordinal);
            foreach (var path in rule.Eligibility.Paths)
            {
                PathsByKey.TryAdd(CellText.Key(path.Label), path);
            }

            Choices = rule.Eligibility.Paths.Count == 1
                ? $"“{rule.Eligibility.Paths[0].Label}”"
                : string.Join("；", rule.Eligibility.Paths.Select((p, i) => $"{i + 1}.{p.Label}"));
        }

        public ProjectRule Rule { get; }

        public Dictionary<string, EligibilityPath> PathsByKey { get; }

        public string Choices { get; }
    }

    private sealed class Problems
    {
        private readonly List<(ApplicantColumn Column, string Message)> items = [];

        public void Add(ApplicantColumn column, string message) => items.Add((column, message));

        // Left to right, as the user reads the row.
        public IReadOnlyList<RowProblem> InColumnOrder() =>
            [.. items.OrderBy(p => p.Column.Index).Select(p => new RowProblem(p.Column.Header, p.Message))];
    }
}
