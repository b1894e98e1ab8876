using System.Data;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// The .xlsx institutions download to fill in: the applicant sheet with drop-down lists and a text-formatted
/// ID column, the instructions, and a hidden sheet holding the lists' choices.
/// </summary>
public static class ApplicantTemplate
{
    public const string SheetName = "考生信息";

    public const string InstructionsSheetName = "填写说明";

    public const string ChoicesSheetName = "选项";

    // Excel's built-in "@" (text) format: what is typed stays text, so an 18-digit ID keeps its digits.
    internal const int TextFormat = 49;

    private const string InstructionsHeader = "填写说明";

    public static IReadOnlyList<string> Instructions { get; } =
    [
        "1. 每行填写一名考生，从第2行开始填写。请不要修改第一行的列名；列的顺序可以调整，多出的列会被忽略。一个文件最多" + ApplicantSheetReader.MaxRows + "名考生。",
        "2. 证件号码列已设置为“文本”格式，请直接输入号码，末位X大小写均可；从其他表格复制时请用“选择性粘贴→数值”，以免带入原来的数字格式。如果Excel把号码显示成 5.10104E+17 这样的科学计数法，说明号码已被存成数字、末几位已经丢失：请把该列设置为“文本”格式，然后重新输入号码（改回显示格式不能找回丢失的数字）。",
        "3. 证件类型、性别、文化程度、申报项目、申报条件请从下拉列表选择。证件类型为居民身份证、港澳台居民居住证或外国人永久居留身份证时，性别和出生日期可以不填，系统按证件号码填写；填写了的须与证件号码一致。",
        "4. 出生日期可写作 1990-01-02、1990/1/2、1990.1.2、1990年1月2日、19900102，也可以是Excel日期。考生在报名时须年满16周岁（法定劳动年龄）。",
        "5. 手机号码必填，为11位大陆手机号码。同一考生（同一证件号码）在一个文件中只能出现一次。",
        "6. 申报条件须是所选申报项目接受的条件之一（各项目的申报条件见网站“考核项目”页面）；项目只有一个申报条件时可以不填。按相关专业报名的，“所学专业”填写专业类别（如“心理学类”）；按相关职业报名的，“职业”填写所列职业（如“护士”）。项目要求考生具备的能力（如“具有计算机操作能力”）由报名机构在初审时核实，上传名单即表示已核实。",
        "7. 照片和扫描件在名单导入后另行上传：把所有文件打成一个 .zip 压缩包，每个文件按“证件号码_材料名称”命名，例如 510104199001011234_照片.jpg、510104199001011234_身份证正面.jpg。材料名称为：照片、个人申报表、个人诚信承诺书、学历证明、身份证正面、身份证反面。",
        "8. 上传后有问题的行会列入“错误报告”文件，最后一列“错误说明”写明每个问题所在的列和改法：按说明修改后可直接上传该文件，“错误说明”列会被忽略。",
    ];

    public static byte[] Build(TemplateLists lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var choiceLists = new (ApplicantColumn Column, string Name, IReadOnlyList<string> Choices)[]
        {
            (ApplicantColumns.IdDocumentType, "IdDocumentTypeChoices", [.. Enum.GetValues<IdDocumentType>().Select(IdDocumentTypes.DisplayName)]),
            (ApplicantColumns.Gender, "GenderChoices", ImportVocabulary.GenderNames),
            (ApplicantColumns.Education, "EducationChoices", [.. Enum.GetValues<EducationLevel>().Select(EducationLevels.DisplayName)]),
            (ApplicantColumns.Project, "ProjectChoices", Distinct(lists.ProjectNames)),
            (ApplicantColumns.Condition, "ConditionChoices", Distinct(lists.ConditionLabels)),
        };

        using var applicants = new DataTable();
        foreach (var column in ApplicantColumns.All)
        {
            applicants.Columns.Add(column.Header, typeof(string));
        }

        using var instructions = new DataTable();
        instructions.Columns.Add(InstructionsHeader, typeof(string));
        foreach (var line in Instructions)
        {
            instructions.Rows.Add(line);
        }

        // One column per list, so that each list is a plain range a data validation can point at; a literal
        // list in the validation itself is limited to 255 characters, which the conditions far exceed.
        using var choices = new DataTable();
        foreach (var list in choiceLists)
        {
            choices.Columns.Add(list.Column.Header, typeof(string));
        }

        for (var row = 0; row < choiceLists.Max(l => l.Choices.Count); row++)
        {
            choices.Rows.Add([.. choiceLists.Select(l => row < l.Choices.Count ? l.Choices[row] : null)]);
        }

        using var written = new MemoryStream();
        written.SaveAs(new Dictionary<string, object>
        {
            [SheetName] = applicants,
            [InstructionsSheetName] = instructions,
            [ChoicesSheetName] = choices,
        });

        return XlsxPackage.Edit(written.ToArray(), package =>
        {
            var text = package.AddCellFormat(TextFormat, wrapText: false);
            package.SetColumns(SheetName, ApplicantColumns.All.Select(c => (c.Index, c.Width, c == ApplicantColumns.IdNumber ? text : (int?)null)));
            var lastRow = ApplicantSheetReader.MaxRows + 1;
            for (var i = 0; i < choiceLists.Length; i++)
            {
                var (column, name, items) = choiceLists[i];
                if (items.Count == 0)
                {
                    continue;
                }

                var letter = XlsxPackage.ColumnLetter(i);
                package.AddDefinedName(name, $"'{ChoicesSheetName}'!${letter}$2:${letter}${items.Count + 1}");
                package.AddListValidation(SheetName, $"{column.Letter}2:{column.Letter}{lastRow}", name, $"请从下拉列表选择{column.Header}");
            }

            var wrapped = package.AddCellFormat(0, wrapText: true);
            package.SetColumns(InstructionsSheetName, [(0, 110, wrapped)]);
            package.StyleCells(InstructionsSheetName, 0, wrapped);
            package.SetColumns(ChoicesSheetName, choiceLists.Select((l, i) => (i, 30d, (int?)null)));
            package.HideSheet(ChoicesSheetName);
        });
    }

    private static string[] Distinct(IEnumerable<string> items) =>
        [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];
}
