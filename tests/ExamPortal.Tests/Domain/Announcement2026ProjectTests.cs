using System.Text.Json;
using ExamPortal.Domain.Catalogue;

namespace ExamPortal.Tests.Domain;

// Attachment 1 of the announcement: 专项职业能力考核项目名称及申报条件.
public sealed class Announcement2026ProjectTests
{
    [Fact]
    public void ThereAreTwentyTwoProjectsCodedInTheOrderOfAttachmentOne()
    {
        Assert.Equal(
            ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22"],
            Announcement2026.Projects.Select(p => p.Code));
    }

    [Fact]
    public void ProjectNamesAreAsPrintedWithTheLineBreaksJoined()
    {
        Assert.Equal(
            [
                "大数据运行平台搭建", "商业数据分析", "大数据采集", "大数据清洗", "大数据分析",
                "大数据应用开发", "分布式数据库管理", "人工智能图像识别", "人工智能文本分析", "人工智能语音识别",
                "私域流量运营", "在线学习运营", "在线学习指导", "工程建设领域劳资管理", "碳会计处理",
                "旅行线路定制", "碳排放交易", "碳资产管理", "心理健康指导", "儿童青少年生殖健康教育咨询服务",
                "碳排放核算", "碳资产评估",
            ],
            Announcement2026.Projects.Select(p => p.Name));
    }

    [Theory]
    [InlineData("01", "达到法定劳动年龄，取得高中（或同等学历，含尚未取得毕业证书的中专、技校、技师学院的应届毕业生）及以上学历，具有计算机操作能力的人员。")]
    [InlineData("06", "达到法定劳动年龄，取得大专（含尚未取得毕业证书的应届毕业生）及以上学历，具有计算机操作能力的人员。")]
    [InlineData("11", "达到法定劳动年龄，具备高中（同等学力）及以上或具有市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能的劳动者均可申报。")]
    [InlineData("12", "达到法定劳动年龄，具备大学专科（或同等学力）文化程度，具有相应技能的劳动者均可申报。")]
    [InlineData("14", "达到法定劳动年龄，具有高中（同等学力）及以上学历，熟悉计算机基本操作的劳动者。")]
    [InlineData("15", "达到法定劳动年龄，具备中专（同等学力）及以上者或具有一定会计相关专业技能的劳动者均可申报。")]
    [InlineData("16", "达到法定劳动年龄，具有相应技能的劳动者均可申报。")]
    [InlineData("17", "达到国家法定劳动年龄，高中（同等学历）及以上劳动者均可申报。")]
    [InlineData("20", "达到法定劳动年龄，且具备以下条件之一者均可申报：\n1.具备高中（或同等学力）及以上文化程度。\n2.相关职业从业人员。（相关职业：生殖健康咨询师、心理咨询师、社会工作者、教学人员（辅导员）、医生、护士、育婴师、保育员、健康管理师）")]
    public void WordingIsTheAttachmentsTextVerbatim(string code, string wording)
    {
        Assert.Equal(wording, Project(code).Eligibility.Wording);
    }

    [Fact]
    public void MentalHealthWordingKeepsBothAlternativesAndJoinsTheBrokenLine()
    {
        Assert.Equal(
            "达到法定劳动年龄，且具备以下条件之一者均可申报：\n"
            + "1.取得相关专业大学专科及以上学历。（相关专业专科：医药卫生类、教育与体育类、公共管理与服务类。本科：心理学类、教育学类、社会学类、基础医学类、临床医学类、口腔医学类、公共卫生与预防医学类、中医学类、中西医结合类、护理学类。研究生：社会学类（0303）、教育学类（0401）、心理学类（0402）、基础医学类（1001）、临床医学类（1002）、口腔医学类（1003）、公共卫生与预防医学（1004）、中医学类（1005）、中西医结合类（1006）、公共管理类（1204）。\n"
            + "2.相关职业从业人员。（相关职业：心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）",
            Project("19").Eligibility.Wording);
    }

    [Theory]
    [InlineData("01|02|03|04|05")]
    [InlineData("06|07|08|09|10")]
    [InlineData("12|13")]
    [InlineData("17|18|21|22")]
    public void ProjectsPrintedWithTheSameConditionShareTheWording(string codes)
    {
        Assert.Single(codes.Split('|').Select(c => Project(c).Eligibility.Wording).Distinct());
    }

    [Fact]
    public void EveryProjectRequiresTheLegalWorkingAge()
    {
        Assert.All(Announcement2026.Projects, p => Assert.Equal(16, p.Eligibility.MinimumAge));
    }

    [Fact]
    public void MentalHealthListsTheRelatedMajorsOfEachBand()
    {
        var majors = Project("19").Eligibility.Paths.Single(p => p.Kind == EligibilityPathKind.RelatedMajor).Majors;

        Assert.Equal(
            ["医药卫生类", "教育与体育类", "公共管理与服务类"],
            majors.Where(m => m.Level == EducationLevel.JuniorCollege).Select(m => m.Name));
        Assert.Equal(
            ["心理学类", "教育学类", "社会学类", "基础医学类", "临床医学类", "口腔医学类", "公共卫生与预防医学类", "中医学类", "中西医结合类", "护理学类"],
            majors.Where(m => m.Level == EducationLevel.Bachelor).Select(m => m.Name));
        Assert.Equal(
            [
                "社会学类 0303", "教育学类 0401", "心理学类 0402", "基础医学类 1001", "临床医学类 1002",
                "口腔医学类 1003", "公共卫生与预防医学 1004", "中医学类 1005", "中西医结合类 1006", "公共管理类 1204",
            ],
            majors.Where(m => m.Level == EducationLevel.Postgraduate).Select(m => $"{m.Name} {m.Code}"));
    }

    [Fact]
    public void MentalHealthAndReproductiveHealthListTheirRelatedOccupations()
    {
        Assert.Equal(
            ["心理咨询师", "社会工作者", "教学人员", "医师", "护士", "养老护理员", "健康管理师"],
            Project("19").Eligibility.Paths.Single(p => p.Kind == EligibilityPathKind.RelatedOccupation).Occupations);
        Assert.Equal(
            ["生殖健康咨询师", "心理咨询师", "社会工作者", "教学人员（辅导员）", "医生", "护士", "育婴师", "保育员", "健康管理师"],
            Project("20").Eligibility.Paths.Single(p => p.Kind == EligibilityPathKind.RelatedOccupation).Occupations);
    }

    [Theory]
    [InlineData("01", "具有计算机操作能力")]
    [InlineData("06", "具有计算机操作能力")]
    [InlineData("12", "具有相应技能")]
    [InlineData("13", "具有相应技能")]
    [InlineData("14", "熟悉计算机基本操作")]
    public void DeclarationsTheCandidateMustAffirm(string code, string declaration)
    {
        Assert.Equal([declaration], Project(code).Eligibility.RequiredDeclarations);
    }

    [Fact]
    public void RulesSurviveAJsonRoundTrip()
    {
        foreach (var project in Announcement2026.Projects)
        {
            var json = JsonSerializer.Serialize(project.Eligibility);
            var back = JsonSerializer.Deserialize<EligibilityRule>(json);

            Assert.NotNull(back);
            Assert.Equal(json, JsonSerializer.Serialize(back));
        }
    }

    [Fact]
    public void EnumsAreStoredByNameAndMissingListsReadBackEmpty()
    {
        var json = JsonSerializer.Serialize(Project("19").Eligibility);
        Assert.Contains("\"Kind\":\"RelatedMajor\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Level\":\"Postgraduate\"", json, StringComparison.Ordinal);

        var path = JsonSerializer.Deserialize<EligibilityPath>("""{"Kind":"RelatedSkill","Label":"具有相应技能"}""");
        Assert.NotNull(path);
        Assert.Empty(path.FinalYearStudentLevels);
        Assert.Empty(path.Majors);
        Assert.Empty(path.Occupations);
    }

    private static ProjectDefinition Project(string code) => Announcement2026.Projects.Single(p => p.Code == code);
}
