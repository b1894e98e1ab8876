using ExamPortal.Domain.Catalogue;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

// Samples per project of attachment 1, evaluated on the first exam day.
public sealed class EligibilityTests
{
    private const string Computer = "具有计算机操作能力";
    private const string Skills = "具有相应技能";
    private const string BasicComputer = "熟悉计算机基本操作";
    private static readonly DateOnly OnDay = D("2026-03-28");

    [Theory]
    [InlineData("01", EducationLevel.HighSchool, false, null, null, false, Computer)]
    [InlineData("01", EducationLevel.TechnicalSchool, true, null, null, false, Computer)]
    [InlineData("02", EducationLevel.SecondaryVocational, true, null, null, false, Computer)]
    [InlineData("03", EducationLevel.TechnicianCollege, true, null, null, false, Computer)]
    [InlineData("04", EducationLevel.Bachelor, false, null, null, false, Computer)]
    [InlineData("05", EducationLevel.TechnicalSchool, false, null, null, false, Computer)]
    [InlineData("06", EducationLevel.JuniorCollege, true, null, null, false, Computer)]
    [InlineData("07", EducationLevel.Bachelor, true, null, null, false, Computer)]
    [InlineData("08", EducationLevel.Postgraduate, true, null, null, false, Computer)]
    [InlineData("09", EducationLevel.JuniorCollege, false, null, null, false, Computer)]
    [InlineData("10", EducationLevel.Postgraduate, false, null, null, false, Computer)]
    [InlineData("11", EducationLevel.HighSchool, false, null, null, false, "")]
    [InlineData("11", EducationLevel.JuniorHighOrBelow, false, null, null, true, "")]
    [InlineData("12", EducationLevel.JuniorCollege, false, null, null, false, Skills)]
    [InlineData("13", EducationLevel.Bachelor, false, null, null, false, Skills)]
    [InlineData("14", EducationLevel.HighSchool, false, null, null, false, BasicComputer)]
    [InlineData("15", EducationLevel.SecondaryVocational, false, null, null, false, "")]
    [InlineData("15", EducationLevel.HighSchool, false, null, null, false, "")]
    [InlineData("15", EducationLevel.JuniorHighOrBelow, false, null, null, true, "")]
    [InlineData("16", EducationLevel.JuniorHighOrBelow, false, null, null, true, "")]
    [InlineData("17", EducationLevel.HighSchool, false, null, null, false, "")]
    [InlineData("18", EducationLevel.TechnicianCollege, false, null, null, false, "")]
    [InlineData("19", EducationLevel.Bachelor, false, "心理学类", null, false, "")]
    [InlineData("19", EducationLevel.Bachelor, false, " 护理学类 ", null, false, "")]
    [InlineData("19", EducationLevel.Bachelor, false, "计算机类", "护士", false, "")]
    [InlineData("19", EducationLevel.JuniorCollege, false, "医药卫生类", null, false, "")]
    [InlineData("19", EducationLevel.Postgraduate, false, "公共管理类", null, false, "")]
    [InlineData("19", EducationLevel.HighSchool, false, null, " 医师 ", false, "")]
    [InlineData("20", EducationLevel.HighSchool, false, null, null, false, "")]
    [InlineData("20", EducationLevel.JuniorHighOrBelow, false, null, "教学人员（辅导员）", false, "")]
    [InlineData("21", EducationLevel.JuniorCollege, false, null, null, false, "")]
    [InlineData("22", EducationLevel.HighSchool, false, null, null, false, "")]
    public void ApplicantMeetingTheRuleIsAccepted(
        string code, EducationLevel education, bool finalYear, string? major, string? occupation, bool skill, string declarations)
    {
        var result = Evaluate(code, Applicant(education, finalYear, major, occupation, skill, declarations));

        Assert.True(result.IsEligible, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.NotNull(result.MatchedPath);
    }

    [Theory]
    [InlineData("01", EducationLevel.HighSchool, true, null, null, false, Computer, "本项目只接受中等专业学校、技工学校、技师学院尚未取得毕业证书的应届毕业生按在读学历报名，高中应届毕业生请按已取得的最高学历填写")]
    [InlineData("01", EducationLevel.JuniorHighOrBelow, false, null, null, false, Computer, "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("02", EducationLevel.HighSchool, false, null, null, false, "", "请确认：具有计算机操作能力")]
    [InlineData("03", EducationLevel.JuniorCollege, true, null, null, false, Computer, "大学专科应届毕业生请按已取得的最高学历填写")]
    [InlineData("04", EducationLevel.JuniorHighOrBelow, true, null, null, false, Computer, "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("05", EducationLevel.JuniorHighOrBelow, false, null, null, false, Computer, "本项目要求高中（或同等学历）及以上学历")]
    [InlineData("06", EducationLevel.HighSchool, false, null, null, false, Computer, "本项目要求大学专科（或同等学历）及以上学历，您填写的是高中")]
    [InlineData("07", EducationLevel.TechnicianCollege, false, null, null, false, Computer, "本项目要求大学专科（或同等学历）及以上学历，您填写的是技师学院")]
    [InlineData("08", EducationLevel.JuniorCollege, false, null, null, false, "", "请确认：具有计算机操作能力")]
    [InlineData("09", EducationLevel.TechnicianCollege, true, null, null, false, Computer, "本项目要求大学专科（或同等学历）及以上学历，您填写的是技师学院")]
    [InlineData("10", EducationLevel.SecondaryVocational, false, null, null, false, Computer, "您填写的是中等专业学校")]
    [InlineData("11", EducationLevel.JuniorHighOrBelow, false, null, null, false, "", "本项目须满足以下条件之一：1.高中（或同等学力）及以上学历；2.具有市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能")]
    [InlineData("12", EducationLevel.HighSchool, false, null, null, false, Skills, "本项目要求大学专科（或同等学历）及以上学历，您填写的是高中")]
    [InlineData("13", EducationLevel.JuniorCollege, false, null, null, false, "", "请确认：具有相应技能")]
    [InlineData("14", EducationLevel.HighSchool, false, null, null, false, "", "请确认：熟悉计算机基本操作")]
    [InlineData("14", EducationLevel.JuniorHighOrBelow, false, null, null, false, BasicComputer, "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("15", EducationLevel.JuniorHighOrBelow, false, null, null, false, "", "本项目要求中专（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("15", EducationLevel.SecondaryVocational, true, null, null, false, "", "本项目不接受尚未取得毕业证书的应届毕业生按在读学历报名")]
    [InlineData("16", EducationLevel.Postgraduate, false, null, null, false, "", "请确认：具有相应技能")]
    [InlineData("17", EducationLevel.JuniorHighOrBelow, false, null, null, false, "", "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("18", EducationLevel.HighSchool, true, null, null, false, "", "本项目不接受尚未取得毕业证书的应届毕业生按在读学历报名，请按已取得的最高学历填写")]
    [InlineData("19", EducationLevel.Bachelor, false, "计算机类", null, false, "", "您填写的专业类别“计算机类”不在本项目大学本科相关专业范围内")]
    [InlineData("19", EducationLevel.Bachelor, false, "计算机类", null, false, "", "请填写您从事的相关职业")]
    [InlineData("19", EducationLevel.JuniorCollege, false, "心理学类", null, false, "", "您填写的专业类别“心理学类”不在本项目大学专科相关专业范围内（医药卫生类、教育与体育类、公共管理与服务类）")]
    [InlineData("19", EducationLevel.Postgraduate, false, "护理学类", null, false, "", "不在本项目研究生相关专业范围内（社会学类（0303）、")]
    [InlineData("19", EducationLevel.Bachelor, true, "心理学类", null, false, "", "尚未毕业的应届毕业生不能按此条件报名")]
    [InlineData("19", EducationLevel.HighSchool, false, null, "厨师", false, "", "您填写的职业“厨师”不在本项目相关职业范围内")]
    [InlineData("19", EducationLevel.HighSchool, false, null, null, false, "", "按相关专业报名须取得大学专科及以上学历，您填写的是高中")]
    [InlineData("20", EducationLevel.JuniorHighOrBelow, false, null, "厨师", false, "", "本项目须满足以下条件之一：1.高中（或同等学力）及以上文化程度；2.相关职业从业人员")]
    [InlineData("20", EducationLevel.JuniorHighOrBelow, false, null, "医师", false, "", "您填写的职业“医师”不在本项目相关职业范围内")]
    [InlineData("21", EducationLevel.JuniorHighOrBelow, false, null, null, false, "", "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    [InlineData("22", EducationLevel.JuniorHighOrBelow, false, null, null, false, "", "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下")]
    public void ApplicantMissingTheRuleIsRefusedWithTheReason(
        string code, EducationLevel education, bool finalYear, string? major, string? occupation, bool skill, string declarations, string reason)
    {
        var result = Evaluate(code, Applicant(education, finalYear, major, occupation, skill, declarations));

        Assert.False(result.IsEligible);
        Assert.Null(result.MatchedPath);
        Assert.Contains(reason, string.Join("\n", result.Problems), StringComparison.Ordinal);
    }

    public static TheoryData<string> AllProjectCodes => new(
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
        "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22");

    [Theory]
    [MemberData(nameof(AllProjectCodes))]
    public void UnderSixteenIsRefusedInEveryProject(string code)
    {
        var result = Evaluate(code, QualifiesForEverything(D("2010-03-29")));

        Assert.False(result.IsEligible);
        Assert.Equal(["未达到法定劳动年龄（年满16周岁），按出生日期计算，您在2026年3月28日为15周岁"], result.Problems);
    }

    [Theory]
    [MemberData(nameof(AllProjectCodes))]
    public void SixteenOnTheDayIsAcceptedInEveryProject(string code)
    {
        var result = Evaluate(code, QualifiesForEverything(D("2010-03-28")));

        Assert.True(result.IsEligible, string.Join("\n", result.Problems));
    }

    [Fact]
    public void ABirthDateAfterTheDayIsRefused()
    {
        var applicant = QualifiesForEverything(D("2026-03-29"));

        var result = Evaluate("17", applicant);

        Assert.Equal(["出生日期2026年3月29日晚于2026年3月28日，请核对出生日期"], result.Problems);
    }

    [Fact]
    public void TheMatchedPathIsTheFirstAlternativeMet()
    {
        var byMajor = Evaluate("19", Applicant(EducationLevel.Bachelor, false, "心理学类", "护士", false, ""));
        var byOccupation = Evaluate("19", Applicant(EducationLevel.Bachelor, false, "计算机类", "护士", false, ""));

        Assert.Equal(EligibilityPathKind.RelatedMajor, byMajor.MatchedPath?.Kind);
        Assert.Equal(EligibilityPathKind.RelatedOccupation, byOccupation.MatchedPath?.Kind);
    }

    [Fact]
    public void AMultiPathRefusalListsTheAlternativesThenWhatEachOneLacks()
    {
        var result = Evaluate("19", Applicant(EducationLevel.Bachelor, false, "计算机类", null, false, ""));

        Assert.Equal(
            [
                "本项目须满足以下条件之一：1.取得相关专业大学专科及以上学历；2.相关职业从业人员（心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）",
                "您填写的专业类别“计算机类”不在本项目大学本科相关专业范围内（心理学类、教育学类、社会学类、基础医学类、临床医学类、口腔医学类、公共卫生与预防医学类、中医学类、中西医结合类、护理学类）",
                "请填写您从事的相关职业（本项目相关职业：心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）",
            ],
            result.Problems);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var result = Evaluate("06", new ApplicantQualification(D("2011-01-01"), EducationLevel.HighSchool, false, null, null, false, []));

        Assert.Equal(3, result.Problems.Count);
        Assert.StartsWith("未达到法定劳动年龄（年满16周岁）", result.Problems[0], StringComparison.Ordinal);
        Assert.Equal("本项目要求大学专科（或同等学历）及以上学历，您填写的是高中", result.Problems[1]);
        Assert.Equal("请确认：具有计算机操作能力", result.Problems[2]);
    }

    private static EligibilityResult Evaluate(string code, ApplicantQualification applicant) =>
        Announcement2026.Projects.Single(p => p.Code == code).Eligibility.Evaluate(applicant, OnDay);

    private static ApplicantQualification Applicant(
        EducationLevel education, bool finalYear, string? major, string? occupation, bool skill, string declarations) =>
        new(D("1990-05-01"), education, finalYear, major, occupation, skill, declarations.Split('|', StringSplitOptions.RemoveEmptyEntries));

    private static ApplicantQualification QualifiesForEverything(DateOnly birthDate) =>
        new(birthDate, EducationLevel.Postgraduate, false, "心理学类", "护士", true, [Computer, Skills, BasicComputer]);
}
