using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;

namespace ExamPortal.Tests.Features.Imports;

public sealed class ApplicantTemplateTests
{
    private static readonly TemplateLists Lists = new(
        [.. Announcement2026.Projects.Select(p => p.Name)],
        [.. Announcement2026.Projects.SelectMany(p => p.Eligibility.Paths).Select(p => p.Label).Distinct()]);

    private static readonly byte[] Template = ApplicantTemplate.Build(Lists);

    [Fact]
    public void TheTemplateHasTheApplicantSheetFirstThenTheInstructionsAndAHiddenChoicesSheet()
    {
        var inspection = new XlsxInspection(Template);

        Assert.Equal(["考生信息", "填写说明", "选项"], MiniExcel.GetSheetNames(new MemoryStream(Template)));
        Assert.Equal("hidden", (string?)inspection.SheetElement("选项").Attribute("state"));
        Assert.NotEqual("hidden", (string?)inspection.SheetElement("考生信息").Attribute("state"));
    }

    [Fact]
    public void TheHeaderRowIsTheColumnsInOrderAndTheEmptyTemplateReadsWithoutProblems()
    {
        var header = (IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(Template), sheetName: "考生信息").First();

        Assert.Equal(ApplicantColumns.All.Select(c => c.Header), header.Values.Select(v => (string?)v));
        var sheet = Workbooks.Read(Template);
        Assert.Empty(sheet.SheetProblems);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void TheIdColumnIsFormattedAsTextSoTypedNumbersKeepTheirDigits()
    {
        var inspection = new XlsxInspection(Template);

        var idColumn = inspection.Worksheet("考生信息").Descendants(XlsxInspection.Main + "col").Single(c => (int)c.Attribute("min")! == 4);

        // A column's format is given to every cell typed into it later, down to Excel's last row.
        Assert.Equal(4, (int)idColumn.Attribute("max")!);
        Assert.Equal(49, inspection.NumberFormatOf((int)idColumn.Attribute("style")!));
    }

    [Fact]
    public void DropDownListsCoverFiveThousandRowsAndPointAtTheHiddenChoices()
    {
        var inspection = new XlsxInspection(Template);
        var validations = inspection.Worksheet("考生信息").Descendants(XlsxInspection.Main + "dataValidation")
            .ToDictionary(v => (string)v.Attribute("sqref")!, v => v.Element(XlsxInspection.Main + "formula1")!.Value);
        var names = inspection.Workbook.Descendants(XlsxInspection.Main + "definedName")
            .ToDictionary(n => (string)n.Attribute("name")!, n => n.Value);

        Assert.Equal(["C2:C5001", "E2:E5001", "H2:H5001", "M2:M5001", "N2:N5001"], validations.Keys.Order());
        var choices = MiniExcel.Query(new MemoryStream(Template), useHeaderRow: true, sheetName: "选项")
            .Cast<IDictionary<string, object?>>().ToList();
        string[] Choices(string header) => [.. choices.Select(r => (string?)r[header]).OfType<string>()];
        Assert.Equal(Enum.GetValues<IdDocumentType>().Select(IdDocumentTypes.DisplayName), Choices("证件类型"));
        Assert.Equal(["男", "女"], Choices("性别"));
        Assert.Equal(Enum.GetValues<EducationLevel>().Select(EducationLevels.DisplayName), Choices("文化程度"));
        Assert.Equal(Lists.ProjectNames, Choices("申报项目"));
        Assert.Equal(Lists.ConditionLabels, Choices("申报条件"));
        // The conditions together are far over the 255 characters a list typed into a validation may hold.
        Assert.True(string.Join(",", Lists.ConditionLabels).Length > 255);
        Assert.Equal($"'选项'!$E$2:$E${Lists.ConditionLabels.Count + 1}", names[validations["N2:N5001"]]);
        Assert.Equal("'选项'!$B$2:$B$3", names[validations["E2:E5001"]]);
    }

    [Fact]
    public void TheInstructionsExplainTheIdColumnDatesConditionsAndTheScansArchive()
    {
        var lines = MiniExcel.Query(new MemoryStream(Template), useHeaderRow: true, sheetName: "填写说明")
            .Cast<IDictionary<string, object?>>().Select(r => (string)r["填写说明"]!).ToList();
        var text = string.Join("\n", lines);

        Assert.Equal(ApplicantTemplate.Instructions, lines);
        Assert.Contains("每行填写一名考生", text, StringComparison.Ordinal);
        Assert.Contains("5.10104E+17", text, StringComparison.Ordinal);
        Assert.Contains("设置为“文本”格式，然后重新输入号码", text, StringComparison.Ordinal);
        Assert.Contains("1990-01-02、1990/1/2、1990.1.2、1990年1月2日、19900102", text, StringComparison.Ordinal);
        Assert.Contains("申报条件须是所选申报项目接受的条件之一", text, StringComparison.Ordinal);
        Assert.Contains("510104199001011234_照片.jpg、510104199001011234_身份证正面.jpg", text, StringComparison.Ordinal);
        Assert.Contains("照片、个人申报表、个人诚信承诺书、学历证明、身份证正面、身份证反面", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsWithoutChoicesGetNoDropDown()
    {
        var inspection = new XlsxInspection(ApplicantTemplate.Build(new TemplateLists([], [])));

        var ranges = inspection.Worksheet("考生信息").Descendants(XlsxInspection.Main + "dataValidation").Select(v => (string)v.Attribute("sqref")!);

        Assert.Equal(["C2:C5001", "E2:E5001", "H2:H5001"], ranges.Order());
    }
}
