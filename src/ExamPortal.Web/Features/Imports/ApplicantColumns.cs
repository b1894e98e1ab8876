namespace ExamPortal.Web.Features.Imports;

/// <summary>The columns of the applicant sheet, in template order.</summary>
public static class ApplicantColumns
{
    public static ApplicantColumn SequenceNumber { get; } = new(0, "序号", false, 6, ["编号"]);

    public static ApplicantColumn FullName { get; } = new(1, "姓名", true, 10, ["考生姓名"]);

    public static ApplicantColumn IdDocumentType { get; } = new(2, "证件类型", false, 22, []);

    public static ApplicantColumn IdNumber { get; } = new(3, "证件号码", true, 22, ["身份证号", "身份证号码", "证件号"]);

    public static ApplicantColumn Gender { get; } = new(4, "性别", false, 6, []);

    public static ApplicantColumn BirthDate { get; } = new(5, "出生日期", false, 12, []);

    public static ApplicantColumn Mobile { get; } = new(6, "手机号码", true, 14, ["手机号", "手机", "联系电话"]);

    public static ApplicantColumn Education { get; } = new(7, "文化程度", true, 12, ["学历"]);

    public static ApplicantColumn School { get; } = new(8, "毕业院校", false, 20, ["毕业学校"]);

    public static ApplicantColumn Major { get; } = new(9, "所学专业", false, 16, ["专业"]);

    public static ApplicantColumn Employer { get; } = new(10, "工作单位", false, 20, ["单位"]);

    public static ApplicantColumn Occupation { get; } = new(11, "职业", false, 14, ["从事职业"]);

    public static ApplicantColumn Project { get; } = new(12, "申报项目", true, 24, ["考核项目", "报考项目"]);

    public static ApplicantColumn Condition { get; } = new(13, "申报条件", false, 48, []);

    public static IReadOnlyList<ApplicantColumn> All { get; } =
    [
        SequenceNumber, FullName, IdDocumentType, IdNumber, Gender, BirthDate, Mobile,
        Education, School, Major, Employer, Occupation, Project, Condition,
    ];

    private static readonly Dictionary<string, ApplicantColumn> ByKey = All
        .SelectMany(c => c.Aliases.Prepend(c.Header).Select(name => (Key: CellText.Key(name), Column: c)))
        .ToDictionary(x => x.Key, x => x.Column);

    /// <summary>The column a header cell names, decorations ignored (<see cref="CellText.HeaderKey"/>).</summary>
    public static ApplicantColumn? Match(string? header) => ByKey.GetValueOrDefault(CellText.HeaderKey(header));
}
