using System.Globalization;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>
/// The messy spreadsheets institutions really upload, one per case, as generated here and committed under
/// tests/ExamPortal.Tests/Fixtures/Imports. Tests read the committed files; CommittedFixturesMatchTheGenerator
/// keeps them in step (set EXAMPORTAL_WRITE_IMPORT_FIXTURES=1 to rewrite them).
/// </summary>
internal static class ImportFixtures
{
    public const string ScientificNotationId = "scientific-notation-id.xlsx";
    public const string LowercaseFullWidthSpaces = "id-lowercase-fullwidth-spaces.xlsx";
    public const string TextAndExcelDates = "dates-text-and-excel.xlsx";
    public const string BlankRowsExtraReordered = "blank-rows-extra-columns-reordered.xlsx";
    public const string TitleRowMergedHeader = "title-row-merged-header.xlsx";
    public const string DuplicateIds = "duplicate-ids.xlsx";
    public const string BadCheckDigit = "bad-check-digit.xlsx";
    public const string GenderBirthContradictId = "gender-birth-contradict-id.xlsx";
    public const string UnderSixteen = "under-16.xlsx";
    public const string UnknownProject = "unknown-project.xlsx";
    public const string ConditionNotMet = "condition-not-met.xlsx";
    public const string TwoHundredRowsTenBad = "200-rows-10-bad.xlsx";

    /// <summary>A day in batch 2's registration window; the under-16 cases are built around it.</summary>
    public static readonly DateOnly AsOf = new(2026, 3, 10);

    public static readonly DateOnly Born = new(1990, 1, 2);

    public static ImportContext Context { get; } = new(AsOf,
        Announcement2026.Projects.ToDictionary(p => p.Name, p => new ProjectRule(p.Code, p.Name, p.Eligibility)));

    /// <summary>The Excel rows of 200-rows-10-bad.xlsx that fail, each for one reason.</summary>
    public static IReadOnlyList<int> BadRowsOfTwoHundred { get; } = [.. BadIndexes.Select(i => i + 2)];

    private static int[] BadIndexes => [17, 38, 55, 71, 90, 104, 123, 150, 168, 189];

    public static IReadOnlyDictionary<string, Func<byte[]>> Generators { get; } = new Dictionary<string, Func<byte[]>>
    {
        [ScientificNotationId] = BuildScientificNotationId,
        [LowercaseFullWidthSpaces] = BuildLowercaseFullWidthSpaces,
        [TextAndExcelDates] = BuildTextAndExcelDates,
        [BlankRowsExtraReordered] = BuildBlankRowsExtraReordered,
        [TitleRowMergedHeader] = BuildTitleRowMergedHeader,
        [DuplicateIds] = BuildDuplicateIds,
        [BadCheckDigit] = BuildBadCheckDigit,
        [GenderBirthContradictId] = BuildGenderBirthContradictId,
        [UnderSixteen] = BuildUnderSixteen,
        [UnknownProject] = BuildUnknownProject,
        [ConditionNotMet] = BuildConditionNotMet,
        [TwoHundredRowsTenBad] = BuildTwoHundredRowsTenBad,
    };

    public static string Directory { get; } = Path.Combine(TestProjectDirectory(), "Fixtures", "Imports");

    public static byte[] Committed(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static ApplicantSheet Read(string name) => Workbooks.Read(Committed(name));

    /// <summary>A resident ID number of someone born on <paramref name="birth"/> (default 1990-01-02); n from 0 to 499.</summary>
    public static string Id(int n, bool male = true, DateOnly? birth = null, string region = "510104") =>
        IdNumbers.Resident(region, birth ?? Born, (n * 2 + (male ? 1 : 0)) % 1000);

    /// <summary>
    /// The first ID from n on whose check character is X, to show that a lower-case x is accepted; from another
    /// district than <see cref="Id"/>'s, so that the two never coincide.
    /// </summary>
    public static string IdEndingInX(int n, bool male = true) =>
        Enumerable.Range(n, 500).Select(i => Id(i, male, region: "510107")).First(id => id.EndsWith('X'));

    public static string FullWidth(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? (char)(c + 0xFEE0) : c));

    private static byte[] BuildScientificNotationId() => Workbooks.Build("Sheet1",
    [
        Applicant.Header,
        // Typed into a General cell: Excel keeps a double, and only 15 significant digits of it.
        new Applicant { Sequence = 1d, IdNumber = double.Parse(Id(1), CultureInfo.InvariantCulture) }.Cells(),
        // Copied from the screen as Excel shows such a number.
        new Applicant { Sequence = 2d, Name = "李四", IdNumber = "5.10104E+17" }.Cells(),
        new Applicant { Sequence = 3d, Name = "王五", IdNumber = Id(3) }.Cells(),
        // A short all-digit passport number survives as a number: nothing is lost.
        new Applicant { Sequence = 4d, Name = "赵六", IdType = "护照", IdNumber = 12345678d, Gender = "男", BirthDate = "1985-05-05" }.Cells(),
    ]);

    private static byte[] BuildLowercaseFullWidthSpaces()
    {
        var withX = IdEndingInX(10);
        var spaced = Id(12);
        return Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { Name = " 李  四 ", IdNumber = withX.ToLowerInvariant(), Gender = "男性" }.Cells(),
            new Applicant { Name = "王五", IdNumber = FullWidth(Id(11)), Mobile = "＋８６ １３８-１２３４-５６７８", Education = "本科" }.Cells(),
            new Applicant
            {
                Name = "赵六", IdNumber = $" {spaced[..6]} {spaced[6..14]} {spaced[14..]} ", Gender = "M", Mobile = 13912345678d,
                Education = "大专", Project = " 碳排放 交易 ", Condition = "高中(或同等学历)及以上学历",
            }.Cells(),
            new Applicant { Name = "孙七", IdType = "身份证", IdNumber = Id(13, male: false), Gender = "女性", Education = "硕士" }.Cells(),
            new Applicant
            {
                Name = "John  Smith", IdType = " 护照 ", IdNumber = FullWidth("e12345678"), Gender = "F", BirthDate = "1988-08-08",
                Mobile = " 139 1234 5678 ",
            }.Cells(),
        ]);
    }

    private static byte[] BuildTextAndExcelDates()
    {
        object?[] dates =
        [
            "1990-1-2", "1990/01/02", "1990.1.2", "1990年1月2日", "19900102", new DateTime(1990, 1, 2),
            32875d, 19900102d, "１９９０－０１－０２", "1990-01-02 00:00:00", "02/01/1990",
        ];
        var rows = dates.Select((date, i) => new Applicant { Name = $"考生{i + 1}", IdNumber = Id(20 + i), BirthDate = date }.Cells());
        // Row 8 holds the serial number 32875 in Excel's Chinese built-in date format (1990年1月2日).
        return Workbooks.Build("Sheet1", [Applicant.Header, .. rows], package => Workbooks.Format(package, "Sheet1", "F8", 31));
    }

    private static byte[] BuildBlankRowsExtraReordered()
    {
        object?[] header = ["姓名", "备注", "申报项目", "证件号码", "手机号码", "民族", "文化程度", "申报条件", "证件类型", "序号"];
        object?[] Row(int n, string name) =>
            [name, "往届生", "碳排放交易", Id(30 + n), "13812345678", "汉族", "高中", "高中（或同等学历）及以上学历", "居民身份证", n.ToString(CultureInfo.InvariantCulture)];
        return Workbooks.Build("名单",
            [
                header,
                Row(1, "甲一"),
                new object?[header.Length],
                Row(2, "乙二"),
                [null, null, null, null, null, null, null, null, null, "3"],
                ["  ", "", " ", null, "　", null, null, null, null, null],
                Row(4, "丙三"),
                new object?[header.Length],
                Row(5, "丁四"),
            ],
            package => Workbooks.DropEmptyRows(package, "名单"));
    }

    private static byte[] BuildTitleRowMergedHeader()
    {
        object?[] header =
        [
            "序号", "姓　名", " 证件类型", "证件号码（必填）", "性 别", "出生日期", "＊手机号码", "文化程度",
            "毕业院校", "所学专业", "工作单位", "职业", "*申报项目", "申报条件",
        ];
        return Workbooks.Build(ApplicantTemplate.SheetName,
            [
                ["成都蓉城职业培训学校2026年专项职业能力考核报名花名册"],
                ["报名机构（盖章）：                    填报日期：2026年3月"],
                header,
                new Applicant { Sequence = 1d, Name = "甲一", IdNumber = Id(60) }.Cells(),
                new Applicant { Sequence = 2d, Name = "乙二", IdNumber = Id(61, male: false) }.Cells(),
                new Applicant { Sequence = 3d, Name = "丙三", IdNumber = Id(62) }.Cells(),
            ],
            package => Workbooks.Merge(package, ApplicantTemplate.SheetName, "A1:N1", "A2:N2"));
    }

    private static byte[] BuildDuplicateIds()
    {
        var withX = IdEndingInX(40);
        return Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { Name = "甲一", IdNumber = withX }.Cells(),
            new Applicant { Name = "乙二", IdNumber = Id(45) }.Cells(),
            new Applicant { Name = "甲一", IdNumber = withX.ToLowerInvariant() }.Cells(),
            new Applicant { Name = "乙二", IdNumber = $" {Id(45)} " }.Cells(),
            new Applicant { Name = "丙三", IdNumber = Id(46) }.Cells(),
        ]);
    }

    private static byte[] BuildBadCheckDigit()
    {
        var good = Id(50);
        var wrongCheck = Id(51);
        wrongCheck = wrongCheck[..17] + (wrongCheck[17] == '0' ? '1' : '0');
        return Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { Name = "甲一", IdNumber = good }.Cells(),
            new Applicant { Name = "乙二", IdNumber = wrongCheck }.Cells(),
            new Applicant { Name = "丙三", IdNumber = "510104199013011234" }.Cells(),
            new Applicant { Name = "丁四", IdNumber = good[..17] }.Cells(),
            new Applicant { Name = "戊五", IdNumber = "51010419900102123A" }.Cells(),
        ]);
    }

    private static byte[] BuildGenderBirthContradictId() => Workbooks.Build("Sheet1",
    [
        Applicant.Header,
        new Applicant { Name = "甲一", IdNumber = Id(70), Gender = "女" }.Cells(),
        new Applicant { Name = "乙二", IdNumber = Id(71), BirthDate = "1990-01-03" }.Cells(),
        new Applicant { Name = "丙三", IdNumber = Id(72, male: false) }.Cells(),
        new Applicant { Name = "Maria Rossi", IdType = "护照", IdNumber = "YA1234567" }.Cells(),
        new Applicant { Name = "丁四", IdNumber = Id(73, male: false), Gender = "女", BirthDate = "1990/1/2" }.Cells(),
    ]);

    private static byte[] BuildUnderSixteen() => Workbooks.Build("Sheet1",
    [
        Applicant.Header,
        new Applicant { Name = "甲一", IdNumber = Id(80, birth: new DateOnly(2011, 5, 1)), Education = "初中" }.For("16").Cells(),
        new Applicant { Name = "乙二", IdNumber = Id(81, birth: new DateOnly(2010, 3, 10)), Education = "初中" }.For("16").Cells(),
        new Applicant { Name = "丙三", IdNumber = Id(82, birth: new DateOnly(2010, 3, 11)), Education = "初中" }.For("16").Cells(),
    ]);

    private static byte[] BuildUnknownProject() => Workbooks.Build("Sheet1",
    [
        Applicant.Header,
        new Applicant { Name = "甲一", IdNumber = Id(90), Project = "大数据分析师" }.Cells(),
        new Applicant { Name = "乙二", IdNumber = Id(91), Project = null, Condition = null }.Cells(),
        new Applicant { Name = "丙三", IdNumber = Id(92) }.For("11").Cells(),
    ]);

    private static byte[] BuildConditionNotMet() => Workbooks.Build("Sheet1",
    [
        Applicant.Header,
        new Applicant { Name = "甲一", IdNumber = Id(100), Education = "初中及以下" }.For("17").Cells(),
        new Applicant { Name = "乙二", IdNumber = Id(101), Education = "高中", Occupation = "厨师" }.For("19", path: 1).Cells(),
        new Applicant { Name = "丙三", IdNumber = Id(102), Education = "大学本科", Major = "计算机类" }.For("19", path: 0).Cells(),
        (new Applicant { Name = "丁四", IdNumber = Id(103) }.For("01") with { Condition = "取得相关专业大学专科及以上学历" }).Cells(),
        (new Applicant { Name = "戊五", IdNumber = Id(104) }.For("20") with { Condition = null }).Cells(),
        new Applicant { Name = "己六", IdNumber = Id(105), Education = "高中", Occupation = "护士" }.For("19", path: 1).Cells(),
        new Applicant { Name = "庚七", IdNumber = Id(106), Education = "大学本科", Major = "心理学类" }.For("19", path: 0).Cells(),
        new Applicant { Name = "辛八", IdNumber = Id(107), Education = "高中" }.For("06").Cells(),
        (new Applicant { Name = "壬九", IdNumber = Id(108), Education = "初中" }.For("16") with { Condition = null }).Cells(),
    ]);

    private static byte[] BuildTwoHundredRowsTenBad() =>
        Workbooks.Build(ApplicantTemplate.SheetName, [Applicant.Header, .. Enumerable.Range(0, 200).Select(i => TwoHundredRow(i).Cells())]);

    // The good rows go round every kind of 申报条件 the announcement has: education minimums with and
    // without the declarations, related skills, majors and occupations.
    private static readonly (string Code, int Path, string Education, string? Major, string? Occupation)[] Profiles =
    [
        ("01", 0, "高中", null, null),
        ("02", 0, "中等专业学校", null, null),
        ("06", 0, "大学专科", null, null),
        ("08", 0, "大学本科", null, null),
        ("11", 0, "高中", null, null),
        ("11", 1, "初中及以下", null, "网店运营"),
        ("12", 0, "大学本科", null, null),
        ("14", 0, "技工学校", null, null),
        ("15", 0, "中等专业学校", null, null),
        ("15", 1, "初中及以下", null, "出纳"),
        ("16", 0, "高中", null, "导游"),
        ("17", 0, "研究生", null, null),
        ("19", 0, "大学本科", "心理学类", null),
        ("19", 0, "大学专科", "医药卫生类", null),
        ("19", 1, "高中", null, "护士"),
        ("20", 0, "高中", null, null),
        ("20", 1, "初中及以下", null, "育婴师"),
        ("22", 0, "大学专科", null, null),
        ("13", 0, "研究生", null, null),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"];
    private static readonly string[] Regions = ["510104", "510107", "510522", "511002", "513401"];

    private static Applicant TwoHundredRow(int i)
    {
        var (code, path, education, major, occupation) = Profiles[i % Profiles.Length];
        var birth = new DateOnly(1966, 1, 1).AddDays(i * 71);
        var male = i % 2 == 0;
        var applicant = new Applicant
        {
            Sequence = (double)(i + 1),
            Name = Surnames[i % Surnames.Length] + GivenNames[i * 7 % GivenNames.Length] + (i % 3 == 0 ? GivenNames[i % GivenNames.Length] : string.Empty),
            IdNumber = IdNumbers.Resident(Regions[i % Regions.Length], birth, (i * 2 + (male ? 1 : 0)) % 1000),
            Gender = i % 3 == 0 ? (male ? "男" : "女") : null,
            BirthDate = (i % 5, i % 7) switch
            {
                (0, _) => birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (_, 0) => birth.ToDateTime(TimeOnly.MinValue),
                _ => null,
            },
            Mobile = $"139{(10_000_000 + i * 7919) % 100_000_000:00000000}",
            Education = education,
            School = education is "初中及以下" ? "成都市第七中学初中部" : "四川职业技术学院",
            Major = major ?? string.Empty,
            Employer = i % 4 == 0 ? string.Empty : "成都蓉城科技有限公司",
            Occupation = occupation,
        }.For(code, path);

        if (i % 25 == 7)
        {
            applicant = applicant with
            {
                IdType = "港澳台居民居住证",
                IdNumber = IdNumbers.Resident("810000", birth, (i * 2 + (male ? 1 : 0)) % 1000),
            };
        }
        else if (i % 40 == 13)
        {
            applicant = applicant with
            {
                IdType = "护照",
                IdNumber = $"E{10_000_000 + i}",
                Gender = male ? "男" : "女",
                BirthDate = birth.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            };
        }

        return Array.IndexOf(BadIndexes, i) switch
        {
            0 => applicant with { IdNumber = double.Parse((string)applicant.IdNumber!, CultureInfo.InvariantCulture) },
            1 => applicant with { IdNumber = ((string)applicant.IdNumber!)[..17] + (((string)applicant.IdNumber!)[17] == '0' ? '1' : '0') },
            2 => applicant with { IdNumber = IdNumbers.Resident("510104", new DateOnly(2014, 6, 1), i), Gender = null, BirthDate = null },
            3 => applicant with { Project = "大数据工程师" },
            4 => applicant.For("17") with { Education = "初中及以下" },
            5 => applicant with { IdType = "居民身份证", IdNumber = TwoHundredRow(3).IdNumber, Gender = null, BirthDate = null },
            6 => applicant with { Name = string.Empty },
            7 => applicant with { Mobile = "1381234567" },
            8 => applicant with { Gender = male ? "女" : "男" },
            9 => applicant.For("01") with { Condition = "具有相应技能" },
            _ => applicant,
        };
    }

    private static string TestProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExamPortal.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ExamPortal.Tests.csproj not found above {AppContext.BaseDirectory}");
    }
}
