using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Features.Documents;

namespace ExamPortal.Tests.Features.Documents;

/// <summary>Submissions like the ones institutions make: real projects and 申报条件 from the announcement.</summary>
internal static class SubmissionSamples
{
    /// <summary>An ID number ending in the check character X.</summary>
    public const string IdEndingInX = "51010419900101123X";

    /// <summary>All digits: as a spreadsheet number (a double) it would come back as 510104199001011000.</summary>
    public const string IdAllDigits = "510104198512310018";

    private const string Surnames = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗";
    private const string GivenNames = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    private static readonly string[] Educations = ["高中", "中专", "大学专科", "大学本科", "硕士研究生"];

    private static readonly string[] Employers =
    [
        "成都市某某信息技术有限公司",
        "四川某某职业技术学院",
        "绵阳市某某数据服务有限责任公司",
        "",
        "Sichuan Tianfu Big Data Engineering Co., Ltd.",
    ];

    public static SubmissionDocumentData Submission(int count, string institutionName = "四川某某职业技术学院", string address = "四川省成都市郫都区团结街道学院路1号") =>
        new(
            InstitutionName: institutionName,
            CreditCode: "12510000MB1234567X",
            InstitutionAddress: address,
            ContactPerson: "王老师",
            ContactPhone: "028-87654321",
            BatchTitle: "2026年第3批",
            ExamDate: new DateOnly(2026, 5, 16),
            SubmissionNumber: "SB2026030017",
            SubmittedAt: new DateTimeOffset(2026, 4, 20, 2, 30, 0, TimeSpan.Zero),
            SubmittedBy: "李经办",
            Entries: [.. Enumerable.Range(1, count).Select(Entry)]);

    public static RosterEntry Entry(int sequence)
    {
        var project = Announcement2026.Projects[(sequence - 1) % Announcement2026.Projects.Count];
        var paths = project.Eligibility.Paths;

        // Rows carry the chosen path's label; every fiftieth the project's whole wording, which wraps to many lines.
        var condition = sequence % 50 == 0 ? project.Eligibility.Wording : paths[sequence % paths.Count].Label;
        var id = sequence switch
        {
            1 => IdEndingInX,
            2 => IdAllDigits,
            _ => $"5101041990{(sequence % 12) + 1:00}{(sequence % 28) + 1:00}{sequence % 1000:000}{sequence % 10}",
        };
        var name = string.Concat(
            Surnames[sequence % Surnames.Length],
            GivenNames[sequence % GivenNames.Length],
            sequence % 3 == 0 ? GivenNames[(sequence / 3) % GivenNames.Length].ToString() : string.Empty);
        return new RosterEntry(
            sequence,
            name,
            sequence % 2 == 0 ? "女" : "男",
            "居民身份证",
            id,
            $"138{sequence:00000000}",
            Educations[sequence % Educations.Length],
            project.Name,
            condition,
            Employers[sequence % Employers.Length]);
    }
}
