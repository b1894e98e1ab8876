using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Tests.Features.Imports;

public sealed class ImportVocabularyTests
{
    [Theory]
    [InlineData("大专", EducationLevel.JuniorCollege)]
    [InlineData("大学专科", EducationLevel.JuniorCollege)]
    [InlineData("本科", EducationLevel.Bachelor)]
    [InlineData("中专", EducationLevel.SecondaryVocational)]
    [InlineData("技校", EducationLevel.TechnicalSchool)]
    [InlineData("技师学院", EducationLevel.TechnicianCollege)]
    [InlineData("硕士", EducationLevel.Postgraduate)]
    [InlineData("博士", EducationLevel.Postgraduate)]
    [InlineData("研究生", EducationLevel.Postgraduate)]
    [InlineData("初中", EducationLevel.JuniorHighOrBelow)]
    [InlineData("小学", EducationLevel.JuniorHighOrBelow)]
    [InlineData(" 高 中 ", EducationLevel.HighSchool)]
    public void EducationIsReadByItsChineseNameOrACommonShortForm(string text, EducationLevel level) =>
        Assert.Equal(level, ImportVocabulary.ParseEducation(text));

    [Fact]
    public void EveryEducationLevelIsReadByTheNameTheTemplateOffers() =>
        Assert.All(Enum.GetValues<EducationLevel>(), level => Assert.Equal(level, ImportVocabulary.ParseEducation(EducationLevels.DisplayName(level))));

    [Theory]
    [InlineData("男", Gender.Male)]
    [InlineData("男性", Gender.Male)]
    [InlineData("M", Gender.Male)]
    [InlineData("m", Gender.Male)]
    [InlineData("女", Gender.Female)]
    [InlineData("女性", Gender.Female)]
    [InlineData("F", Gender.Female)]
    [InlineData("ｆ", Gender.Female)]
    public void GenderIsReadAsMaleOrFemaleInChineseOrAsMAndF(string text, Gender gender) =>
        Assert.Equal(gender, ImportVocabulary.ParseGender(text));

    [Theory]
    [InlineData("姓名", "姓名")]
    [InlineData("姓　名", "姓名")]
    [InlineData(" 证件号码 ", "证件号码")]
    [InlineData("证件号码（必填）", "证件号码")]
    [InlineData("证件号码(必填)", "证件号码")]
    [InlineData("＊手机号码", "手机号码")]
    [InlineData("*申报项目", "申报项目")]
    [InlineData("身份证号码", "证件号码")]
    [InlineData("学历", "文化程度")]
    public void AHeaderIsMatchedByItsTextIgnoringSpacesFullWidthAndMarks(string header, string column) =>
        Assert.Equal(column, ApplicantColumns.Match(header)?.Header);

    [Theory]
    [InlineData("备注")]
    [InlineData("错误说明")]
    [InlineData("")]
    public void OtherHeadersAreNotColumnsOfTheSheet(string header) => Assert.Null(ApplicantColumns.Match(header));

    [Fact]
    public void TheColumnsAreInTemplateOrder() =>
        Assert.Equal(
            ["序号", "姓名", "证件类型", "证件号码", "性别", "出生日期", "手机号码", "文化程度", "毕业院校", "所学专业", "工作单位", "职业", "申报项目", "申报条件"],
            ApplicantColumns.All.Select(c => c.Header));
}
