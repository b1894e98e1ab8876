using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Imports;
using static ExamPortal.Tests.Features.Imports.ImportFixtures;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>The committed fixtures: one messy spreadsheet per case institutions really upload.</summary>
public sealed class ApplicantSheetReaderTests
{
    private static readonly DateOnly BirthOnIds = new(1990, 1, 2);

    [Fact]
    public void AnIdTypedAsANumberHasLostItsLastDigitsAndSaysHowToRetypeIt()
    {
        var sheet = Read(ScientificNotationId);

        Assert.Empty(sheet.SheetProblems);
        var rows = sheet.Rows.ToDictionary(r => r.RowNumber);
        foreach (var lost in new[] { rows[2], rows[3] })
        {
            var problem = Assert.Single(lost.Problems);
            Assert.Equal(new RowProblem("证件号码", "证件号码被Excel存成了数字（科学计数法），末几位已丢失：请把该列设置为“文本”格式后重新输入该号码"), problem);
        }

        Assert.Matches(@"^5\.10104\d*E\+17$", rows[2].RawValues["证件号码"]);
        Assert.Equal("5.10104E+17", rows[3].RawValues["证件号码"]);
        Assert.True(rows[4].IsValid);
        Assert.Equal(Id(3), rows[4].IdNumber);
        // A short number typed as a number keeps every digit: no reason to refuse it.
        Assert.True(rows[5].IsValid);
        Assert.Equal(("12345678", IdDocumentType.Passport), (rows[5].IdNumber, rows[5].IdDocumentType));
    }

    [Fact]
    public void LowercaseXFullWidthCharactersAndSpacesAreNormalised()
    {
        var sheet = Read(LowercaseFullWidthSpaces);

        Assert.All(sheet.Rows, r => Assert.True(r.IsValid, string.Join("；", r.Problems)));
        var rows = sheet.Rows.ToDictionary(r => r.RowNumber);
        Assert.Equal(("李四", IdEndingInX(10), Gender.Male), (rows[2].FullName, rows[2].IdNumber, rows[2].Gender));
        Assert.Equal((Id(11), "13812345678", EducationLevel.Bachelor), (rows[3].IdNumber, rows[3].Mobile, rows[3].Education));
        Assert.Equal((Id(12), "13912345678", EducationLevel.JuniorCollege), (rows[4].IdNumber, rows[4].Mobile, rows[4].Education));
        Assert.Equal(("碳排放交易", "17", "高中（或同等学历）及以上学历"), (rows[4].ProjectName, rows[4].ProjectCode, rows[4].ConditionLabel));
        Assert.Equal((IdDocumentType.ResidentIdCard, Gender.Female, EducationLevel.Postgraduate), (rows[5].IdDocumentType, rows[5].Gender, rows[5].Education));
        Assert.Equal(("John Smith", IdDocumentType.Passport, "E12345678"), (rows[6].FullName, rows[6].IdDocumentType, rows[6].IdNumber));
        Assert.Equal((Gender.Female, new DateOnly(1988, 8, 8), "13912345678"), (rows[6].Gender, rows[6].BirthDate, rows[6].Mobile));
    }

    [Fact]
    public void BirthDatesAreReadAsTextInEveryCommonFormatAndAsExcelDates()
    {
        var sheet = Read(TextAndExcelDates);

        // Rows 2–11: 1990-1-2, 1990/01/02, 1990.1.2, 1990年1月2日, 19900102, an Excel date, a serial number in
        // the Chinese date format, 19900102 as a number, full-width digits, a date with a time of day.
        var read = sheet.Rows.Where(r => r.RowNumber <= 11).ToList();
        Assert.Equal(10, read.Count);
        Assert.All(read, r => Assert.Equal((true, BirthOnIds), (r.IsValid, r.BirthDate)));
        Assert.Equal("1990-01-02", read.Single(r => r.RowNumber == 7).RawValues["出生日期"]);
        Assert.Equal("1990-01-02", read.Single(r => r.RowNumber == 8).RawValues["出生日期"]);
        var unreadable = Assert.Single(sheet.Rows, r => r.RowNumber == 12);
        Assert.Equal(new RowProblem("出生日期", "出生日期“02/01/1990”无法识别，请按“1990-01-02”的格式填写"), Assert.Single(unreadable.Problems));
    }

    [Fact]
    public void BlankRowsAreSkippedAndColumnsAreFoundByTheirHeaderInAnyOrder()
    {
        var sheet = Read(BlankRowsExtraReordered);

        Assert.Empty(sheet.SheetProblems);
        Assert.Equal([2, 4, 7, 9], sheet.Rows.Select(r => r.RowNumber));
        Assert.All(sheet.Rows, r => Assert.True(r.IsValid, string.Join("；", r.Problems)));
        Assert.Equal(["甲一", "乙二", "丙三", "丁四"], sheet.Rows.Select(r => r.FullName));
        Assert.Equal(["1", "2", "4", "5"], sheet.Rows.Select(r => r.SequenceNumber));
        Assert.Equal(Id(31), sheet.Rows[0].IdNumber);
        Assert.Equal(EducationLevel.HighSchool, sheet.Rows[0].Education);
        Assert.DoesNotContain("备注", sheet.Rows[0].RawValues.Keys);
    }

    [Fact]
    public void TheHeaderRowIsFoundUnderAMergedTitleWhateverSpacesAndMarksItsHeadersCarry()
    {
        var sheet = Read(TitleRowMergedHeader);

        Assert.Empty(sheet.SheetProblems);
        Assert.Equal([4, 5, 6], sheet.Rows.Select(r => r.RowNumber));
        Assert.All(sheet.Rows, r => Assert.True(r.IsValid, string.Join("；", r.Problems)));
        Assert.Equal([Id(60), Id(61, male: false), Id(62)], sheet.Rows.Select(r => r.IdNumber));
        Assert.Equal("13812345678", sheet.Rows[0].Mobile);
        Assert.Equal("碳排放交易", sheet.Rows[0].ProjectName);
    }

    [Fact]
    public void AnIdNumberRepeatedInTheFileIsReportedOnTheLaterRowsNamingTheFirst()
    {
        var rows = Read(DuplicateIds).Rows.ToDictionary(r => r.RowNumber);

        Assert.True(rows[2].IsValid);
        Assert.True(rows[3].IsValid);
        Assert.True(rows[6].IsValid);
        Assert.Equal(new RowProblem("证件号码", "与第2行的证件号码重复：同一考生在一个文件中只能填写一次，请删除重复的行"), Assert.Single(rows[4].Problems));
        Assert.Equal(new RowProblem("证件号码", "与第3行的证件号码重复：同一考生在一个文件中只能填写一次，请删除重复的行"), Assert.Single(rows[5].Problems));
    }

    [Fact]
    public void AnInvalidIdNumberGetsTheDomainsMessage()
    {
        var rows = Read(BadCheckDigit).Rows.ToDictionary(r => r.RowNumber);

        Assert.True(rows[2].IsValid);
        Assert.Equal("居民身份证号码校验位不正确，请核对号码是否输错", Assert.Single(rows[3].Problems).Message);
        Assert.Equal("居民身份证号码第7–14位出生日期无效（19901301不是有效日期），请核对号码", Assert.Single(rows[4].Problems).Message);
        Assert.Equal("居民身份证号码应为18位，您输入了17位", Assert.Single(rows[5].Problems).Message);
        Assert.Equal("居民身份证号码前17位应为数字，最后一位应为数字或字母X，请去掉其他字符", Assert.Single(rows[6].Problems).Message);
        Assert.All(rows.Values.Where(r => !r.IsValid), r => Assert.Equal("证件号码", Assert.Single(r.Problems).Column));
        // Kept as typed, so the report gives it back for correcting.
        Assert.Equal("51010419900102123A", rows[6].IdNumber);
    }

    [Fact]
    public void GenderAndBirthDateMustAgreeWithTheIdNumberAndAreTakenFromItWhenEmpty()
    {
        var rows = Read(GenderBirthContradictId).Rows.ToDictionary(r => r.RowNumber);

        Assert.Equal(new RowProblem("性别", "性别与证件号码不符：按证件号码应为男，请核对性别或证件号码"), Assert.Single(rows[2].Problems));
        Assert.Equal(new RowProblem("出生日期", "出生日期与证件号码不符：按证件号码应为1990年1月2日，请核对出生日期或证件号码"), Assert.Single(rows[3].Problems));
        Assert.Equal((true, Gender.Female, BirthOnIds), (rows[4].IsValid, rows[4].Gender, rows[4].BirthDate));
        Assert.Equal(
            [new RowProblem("性别", "请填写性别（男或女）：该证件号码不含性别信息"), new RowProblem("出生日期", "请填写出生日期：该证件号码不含出生日期信息")],
            rows[5].Problems);
        Assert.True(rows[6].IsValid);
    }

    [Fact]
    public void AnApplicantUnderTheLegalWorkingAgeOfSixteenIsRefused()
    {
        var rows = Read(UnderSixteen).Rows.ToDictionary(r => r.RowNumber);

        Assert.Equal(new RowProblem("出生日期", "未满16周岁（法定劳动年龄），不能报名：按出生日期计算，在2026年3月10日为14周岁"), Assert.Single(rows[2].Problems));
        // Sixteen on the very day counts; one day short does not.
        Assert.True(rows[3].IsValid);
        Assert.Equal(new RowProblem("出生日期", "未满16周岁（法定劳动年龄），不能报名：按出生日期计算，在2026年3月10日为15周岁"), Assert.Single(rows[4].Problems));
    }

    [Fact]
    public void AProjectNotInTheCatalogueAsksToPickFromTheList()
    {
        var rows = Read(UnknownProject).Rows.ToDictionary(r => r.RowNumber);

        Assert.Equal(new RowProblem("申报项目", "“大数据分析师”不是本批次可报名的项目，请从下拉列表选择项目名称"), Assert.Single(rows[2].Problems));
        Assert.Null(rows[2].ProjectCode);
        Assert.Equal(new RowProblem("申报项目", "请从下拉列表选择申报项目"), Assert.Single(rows[3].Problems));
        Assert.Equal((true, "11"), (rows[4].IsValid, rows[4].ProjectCode));
    }

    [Fact]
    public void TheChosenConditionMustBeOneOfTheProjectsAndMetByTheRow()
    {
        var rows = Read(ConditionNotMet).Rows.ToDictionary(r => r.RowNumber);

        Assert.Equal(new RowProblem("文化程度", "本项目要求高中（或同等学历）及以上学历，您填写的是初中及以下"), Assert.Single(rows[2].Problems));
        Assert.Equal(
            new RowProblem("职业", "您填写的职业“厨师”不在本项目相关职业范围内（心理咨询师、社会工作者、教学人员、医师、护士、养老护理员、健康管理师）"),
            Assert.Single(rows[3].Problems));
        var major = Assert.Single(rows[4].Problems);
        Assert.Equal("所学专业", major.Column);
        Assert.StartsWith("您填写的专业类别“计算机类”不在本项目大学本科相关专业范围内（心理学类、", major.Message, StringComparison.Ordinal);
        Assert.Equal(
            new RowProblem("申报条件", "“取得相关专业大学专科及以上学历”不是“大数据运行平台搭建”的申报条件，请从以下条件中选择："
                + "“高中（或同等学历）及以上学历，含尚未取得毕业证书的中专、技校、技师学院应届毕业生”"),
            Assert.Single(rows[5].Problems));
        Assert.Equal(
            new RowProblem("申报条件", "请选择申报条件，“儿童青少年生殖健康教育咨询服务”可选：1.高中（或同等学力）及以上文化程度；"
                + "2.相关职业从业人员（生殖健康咨询师、心理咨询师、社会工作者、教学人员（辅导员）、医生、护士、育婴师、保育员、健康管理师）"),
            Assert.Single(rows[6].Problems));
        Assert.True(rows[7].IsValid);
        Assert.Equal((true, "心理学类"), (rows[8].IsValid, rows[8].Qualification?.MajorGroupName));
        Assert.Equal(new RowProblem("文化程度", "本项目要求大学专科（或同等学历）及以上学历，您填写的是高中"), Assert.Single(rows[9].Problems));
        // A project with one condition needs none chosen; a skill condition is declared by choosing it.
        Assert.Equal((true, "具有相应技能", true), (rows[10].IsValid, rows[10].ConditionLabel, rows[10].Qualification?.DeclaresRelatedSkill));
    }

    [Fact]
    public void TheTwoHundredRowFileHasExactlyTenBadRowsEachWithOneProblem()
    {
        var sheet = Read(TwoHundredRowsTenBad);

        Assert.Empty(sheet.SheetProblems);
        Assert.Equal(200, sheet.Rows.Count);
        Assert.Equal(BadRowsOfTwoHundred, sheet.Rows.Where(r => !r.IsValid).Select(r => r.RowNumber));
        Assert.All(sheet.Rows.Where(r => !r.IsValid), r => Assert.Single(r.Problems));
        Assert.Equal(
            ["证件号码", "证件号码", "出生日期", "申报项目", "文化程度", "证件号码", "姓名", "手机号码", "性别", "申报条件"],
            sheet.Rows.Where(r => !r.IsValid).Select(r => r.Problems[0].Column));
        var good = sheet.Rows.Where(r => r.IsValid).ToList();
        Assert.All(good, r => Assert.NotNull(r.ProjectCode));
        Assert.All(good, r => Assert.NotNull(r.Qualification));
        Assert.Equal(14, good.Select(r => r.ProjectCode).Distinct().Count());
        Assert.Equal(
            Enum.GetValues<EligibilityPathKind>().Order(),
            good.Select(r => Announcement2026.Projects.Single(p => p.Code == r.ProjectCode).Eligibility.Paths.Single(p => p.Label == r.ConditionLabel).Kind)
                .Distinct().Order());
        Assert.Contains(good, r => r.IdDocumentType == IdDocumentType.Passport);
        Assert.Contains(good, r => r.IdDocumentType == IdDocumentType.HongKongMacaoTaiwanResidencePermit);
    }
}
