using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Catalogue;

// 《关于四川省2026年度22个专项职业能力考核项目省直考点统一考核的公告》: attachment 1 (projects and
// 申报条件, in its order) and attachment 2 (the ten batches). Wording is the attachment's text; the
// paths are its reading as rules.
public static class Announcement2026
{
    public const int Year = 2026;

    private const string ComputerSkills = "具有计算机操作能力";
    private const string CorrespondingSkills = "具有相应技能";

    public static IReadOnlyList<ProjectDefinition> Projects { get; } =
    [
        Project("01", "大数据运行平台搭建", HighSchoolWithVocationalGraduates()),
        Project("02", "商业数据分析", HighSchoolWithVocationalGraduates()),
        Project("03", "大数据采集", HighSchoolWithVocationalGraduates()),
        Project("04", "大数据清洗", HighSchoolWithVocationalGraduates()),
        Project("05", "大数据分析", HighSchoolWithVocationalGraduates()),
        Project("06", "大数据应用开发", JuniorCollegeWithGraduates()),
        Project("07", "分布式数据库管理", JuniorCollegeWithGraduates()),
        Project("08", "人工智能图像识别", JuniorCollegeWithGraduates()),
        Project("09", "人工智能文本分析", JuniorCollegeWithGraduates()),
        Project("10", "人工智能语音识别", JuniorCollegeWithGraduates()),
        Project("11", "私域流量运营", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，具备高中（同等学力）及以上或具有市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能的劳动者均可申报。",
            Paths =
            [
                EligibilityPath.ForEducation(EducationLevel.HighSchool, "高中（或同等学力）及以上学历"),
                EligibilityPath.ForRelatedSkill(
                    "市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能",
                    "具有市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能"),
            ],
        }),
        Project("12", "在线学习运营", OnlineLearning()),
        Project("13", "在线学习指导", OnlineLearning()),
        Project("14", "工程建设领域劳资管理", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，具有高中（同等学力）及以上学历，熟悉计算机基本操作的劳动者。",
            Paths = [EligibilityPath.ForEducation(EducationLevel.HighSchool, "高中（或同等学力）及以上学历")],
            RequiredDeclarations = ["熟悉计算机基本操作"],
        }),
        Project("15", "碳会计处理", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，具备中专（同等学力）及以上者或具有一定会计相关专业技能的劳动者均可申报。",
            Paths =
            [
                EligibilityPath.ForEducation(EducationLevel.SecondaryVocational, "中专（或同等学力）及以上学历"),
                EligibilityPath.ForRelatedSkill("会计相关专业技能", "具有一定会计相关专业技能"),
            ],
        }),
        Project("16", "旅行线路定制", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，具有相应技能的劳动者均可申报。",
            Paths = [EligibilityPath.ForRelatedSkill("相应技能", CorrespondingSkills)],
        }),
        Project("17", "碳排放交易", Carbon()),
        Project("18", "碳资产管理", Carbon()),
        Project("19", "心理健康指导", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，且具备以下条件之一者均可申报：\n"
                + "1.取得相关专业大学专科及以上学历。（相关专业专科：医药卫生类、教育与体育类、公共管理与服务类。"
                + "本科：心理学类、教育学类、社会学类、基础医学类、临床医学类、口腔医学类、公共卫生与预防医学类、中医学类、中西医结合类、护理学类。"
                + "研究生：社会学类（0303）、教育学类（0401）、心理学类（0402）、基础医学类（1001）、临床医学类（1002）、口腔医学类（1003）、"
                + "公共卫生与预防医学（1004）、中医学类（1005）、中西医结合类（1006）、公共管理类（1204）。\n"
                + "2.相关职业从业人员。（相关职业：心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）",
            Paths =
            [
                EligibilityPath.ForRelatedMajors("取得相关专业大学专科及以上学历", MentalHealthMajors()),
                EligibilityPath.ForRelatedOccupations(
                    "相关职业从业人员（心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）",
                    ["心理咨询师", "社会工作者", "教学人员", "医师", "护士", "养老护理员", "健康管理师"]),
            ],
        }),
        Project("20", "儿童青少年生殖健康教育咨询服务", new EligibilityRule
        {
            Wording = "达到法定劳动年龄，且具备以下条件之一者均可申报：\n"
                + "1.具备高中（或同等学力）及以上文化程度。\n"
                + "2.相关职业从业人员。（相关职业：生殖健康咨询师、心理咨询师、社会工作者、教学人员（辅导员）、医生、护士、育婴师、保育员、健康管理师）",
            Paths =
            [
                EligibilityPath.ForEducation(EducationLevel.HighSchool, "高中（或同等学力）及以上文化程度"),
                EligibilityPath.ForRelatedOccupations(
                    "相关职业从业人员（生殖健康咨询师、心理咨询师、社会工作者、教学人员（辅导员）、医生、护士、育婴师、保育员、健康管理师）",
                    ["生殖健康咨询师", "心理咨询师", "社会工作者", "教学人员（辅导员）", "医生", "护士", "育婴师", "保育员", "健康管理师"]),
            ],
        }),
        Project("21", "碳排放核算", Carbon()),
        Project("22", "碳资产评估", Carbon()),
    ];

    public static IReadOnlyList<BatchDefinition> Batches { get; } =
    [
        Batch(1, (2, 6), (2, 13), (2, 24), (3, 6), (3, 9), (3, 11), (3, 23), (3, 27), (3, 28)),
        Batch(2, (3, 9), (3, 16), (3, 16), (3, 27), (4, 1), (4, 3), (4, 20), (4, 24), (4, 25)),
        Batch(3, (3, 31), (4, 13), (4, 13), (4, 24), (4, 27), (4, 29), (5, 18), (5, 22), (5, 23)),
        Batch(4, (4, 29), (5, 11), (5, 11), (5, 22), (5, 25), (5, 27), (6, 8), (6, 12), (6, 13)),
        Batch(5, (5, 25), (6, 1), (6, 1), (6, 12), (6, 15), (6, 17), (7, 6), (7, 10), (7, 11)),
        Batch(6, (6, 29), (7, 6), (7, 6), (7, 17), (7, 20), (7, 22), (8, 3), (8, 7), (8, 8)),
        Batch(7, (8, 10), (8, 17), (8, 17), (8, 28), (8, 31), (9, 2), (9, 14), (9, 18), (9, 19)),
        Batch(8, (8, 31), (9, 7), (9, 7), (9, 18), (9, 21), (9, 23), (10, 19), (10, 23), (10, 24)),
        Batch(9, (9, 14), (9, 21), (9, 21), (10, 12), (10, 19), (10, 21), (11, 2), (11, 6), (11, 7)),
        Batch(10, (10, 26), (11, 2), (11, 2), (11, 13), (11, 16), (11, 18), (11, 30), (12, 4), (12, 5)),
    ];

    private static ProjectDefinition Project(string code, string name, EligibilityRule eligibility) => new(code, name, eligibility);

    private static EligibilityRule HighSchoolWithVocationalGraduates() => new()
    {
        Wording = "达到法定劳动年龄，取得高中（或同等学历，含尚未取得毕业证书的中专、技校、技师学院的应届毕业生）及以上学历，具有计算机操作能力的人员。",
        Paths =
        [
            EligibilityPath.ForEducation(
                EducationLevel.HighSchool,
                "高中（或同等学历）及以上学历，含尚未取得毕业证书的中专、技校、技师学院应届毕业生",
                EducationLevel.SecondaryVocational,
                EducationLevel.TechnicalSchool,
                EducationLevel.TechnicianCollege),
        ],
        RequiredDeclarations = [ComputerSkills],
    };

    private static EligibilityRule JuniorCollegeWithGraduates() => new()
    {
        Wording = "达到法定劳动年龄，取得大专（含尚未取得毕业证书的应届毕业生）及以上学历，具有计算机操作能力的人员。",
        Paths =
        [
            EligibilityPath.ForEducation(
                EducationLevel.JuniorCollege,
                "大学专科及以上学历，含尚未取得毕业证书的应届毕业生",
                EducationLevel.JuniorCollege,
                EducationLevel.Bachelor,
                EducationLevel.Postgraduate),
        ],
        RequiredDeclarations = [ComputerSkills],
    };

    // "具备大学专科（或同等学力）文化程度" read as a minimum: a bachelor's degree holder qualifies too.
    private static EligibilityRule OnlineLearning() => new()
    {
        Wording = "达到法定劳动年龄，具备大学专科（或同等学力）文化程度，具有相应技能的劳动者均可申报。",
        Paths = [EligibilityPath.ForEducation(EducationLevel.JuniorCollege, "大学专科（或同等学力）及以上文化程度")],
        RequiredDeclarations = [CorrespondingSkills],
    };

    private static EligibilityRule Carbon() => new()
    {
        Wording = "达到国家法定劳动年龄，高中（同等学历）及以上劳动者均可申报。",
        Paths = [EligibilityPath.ForEducation(EducationLevel.HighSchool, "高中（或同等学历）及以上学历")],
    };

    private static MajorGroup[] MentalHealthMajors() =>
    [
        new(EducationLevel.JuniorCollege, "医药卫生类", null),
        new(EducationLevel.JuniorCollege, "教育与体育类", null),
        new(EducationLevel.JuniorCollege, "公共管理与服务类", null),
        new(EducationLevel.Bachelor, "心理学类", null),
        new(EducationLevel.Bachelor, "教育学类", null),
        new(EducationLevel.Bachelor, "社会学类", null),
        new(EducationLevel.Bachelor, "基础医学类", null),
        new(EducationLevel.Bachelor, "临床医学类", null),
        new(EducationLevel.Bachelor, "口腔医学类", null),
        new(EducationLevel.Bachelor, "公共卫生与预防医学类", null),
        new(EducationLevel.Bachelor, "中医学类", null),
        new(EducationLevel.Bachelor, "中西医结合类", null),
        new(EducationLevel.Bachelor, "护理学类", null),
        new(EducationLevel.Postgraduate, "社会学类", "0303"),
        new(EducationLevel.Postgraduate, "教育学类", "0401"),
        new(EducationLevel.Postgraduate, "心理学类", "0402"),
        new(EducationLevel.Postgraduate, "基础医学类", "1001"),
        new(EducationLevel.Postgraduate, "临床医学类", "1002"),
        new(EducationLevel.Postgraduate, "口腔医学类", "1003"),
        new(EducationLevel.Postgraduate, "公共卫生与预防医学", "1004"),
        new(EducationLevel.Postgraduate, "中医学类", "1005"),
        new(EducationLevel.Postgraduate, "中西医结合类", "1006"),
        new(EducationLevel.Postgraduate, "公共管理类", "1204"),
    ];

    private static BatchDefinition Batch(
        int number,
        (int Month, int Day) registrationStart,
        (int Month, int Day) registrationEnd,
        (int Month, int Day) reviewStart,
        (int Month, int Day) reviewEnd,
        (int Month, int Day) paymentStart,
        (int Month, int Day) paymentEnd,
        (int Month, int Day) printingStart,
        (int Month, int Day) printingEnd,
        (int Month, int Day) exam) =>
        new(
            number,
            new DateRange(Date(registrationStart), Date(registrationEnd)),
            new DateRange(Date(reviewStart), Date(reviewEnd)),
            new DateRange(Date(paymentStart), Date(paymentEnd)),
            new DateRange(Date(printingStart), Date(printingEnd)),
            Date(exam));

    private static DateOnly Date((int Month, int Day) monthDay) => new(Year, monthDay.Month, monthDay.Day);
}
