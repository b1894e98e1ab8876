using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;
using static ExamPortal.Tests.Features.Imports.ImportFixtures;

namespace ExamPortal.Tests.Features.Imports;

public sealed class ImportErrorReportTests
{
    [Theory]
    [InlineData(ScientificNotationId)]
    [InlineData(TextAndExcelDates)]
    [InlineData(BadCheckDigit)]
    [InlineData(GenderBirthContradictId)]
    [InlineData(UnderSixteen)]
    [InlineData(UnknownProject)]
    [InlineData(ConditionNotMet)]
    public void TheReportReadBackGivesTheSameRowsSoItCanBeFixedAndUploadedAgain(string fixture)
    {
        var failed = Read(fixture).Rows.Where(r => !r.IsValid).ToList();

        var readBack = Workbooks.Read(ImportErrorReport.Build(failed));

        Assert.Empty(readBack.SheetProblems);
        Assert.Equal(failed.Count, readBack.Rows.Count);
        Assert.Equal(Enumerable.Range(2, failed.Count), readBack.Rows.Select(r => r.RowNumber));
        Assert.Equal(failed.Select(Content), readBack.Rows.Select(Content));
    }

    [Fact]
    public void ARepeatedIdReadBackAloneIsNoLongerARepeat()
    {
        var failed = Read(DuplicateIds).Rows.Where(r => !r.IsValid).ToList();

        var readBack = Workbooks.Read(ImportErrorReport.Build(failed));

        // The first occurrences were imported; the database check then says whether these are the same people.
        Assert.All(readBack.Rows, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void TheLastColumnListsEachProblemWithItsColumn()
    {
        var failed = Read(GenderBirthContradictId).Rows.Where(r => r.FullName == "Maria Rossi").ToList();

        var rows = MiniExcel.Query(new MemoryStream(ImportErrorReport.Build(failed)), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();

        var row = Assert.Single(rows);
        Assert.Equal([.. ApplicantColumns.All.Select(c => c.Header), "错误说明"], row.Keys);
        Assert.Equal("YA1234567", row["证件号码"]);
        Assert.Equal("性别：请填写性别（男或女）：该证件号码不含性别信息；出生日期：请填写出生日期：该证件号码不含出生日期信息", row["错误说明"]);
    }

    [Fact]
    public void IdNumbersAreTextCellsInATextColumn()
    {
        var failed = Read(BadCheckDigit).Rows.Where(r => !r.IsValid).ToList();
        var inspection = new XlsxInspection(ImportErrorReport.Build(failed));
        var worksheet = inspection.Worksheet("考生信息");

        var idCells = worksheet.Descendants(XlsxInspection.Main + "c")
            .Where(c => ((string)c.Attribute("r")!).StartsWith('D') && (string)c.Attribute("r")! != "D1").ToList();
        var idColumn = worksheet.Descendants(XlsxInspection.Main + "col").Single(c => (int)c.Attribute("min")! == 4);

        Assert.Equal(failed.Count, idCells.Count);
        Assert.All(idCells, c => Assert.Equal("str", (string?)c.Attribute("t")));
        Assert.All(idCells, c => Assert.Equal(49, inspection.NumberFormatOf((int)c.Attribute("s")!)));
        Assert.Equal(49, inspection.NumberFormatOf((int)idColumn.Attribute("style")!));
    }

    [Fact]
    public void AReportWithoutRowsStillHasTheHeader()
    {
        var sheet = Workbooks.Read(ImportErrorReport.Build([]));

        Assert.Empty(sheet.SheetProblems);
        Assert.Empty(sheet.Rows);
    }

    private static string Content(ApplicantRow r) => string.Join(" | ",
        r.SequenceNumber, r.FullName, r.IdDocumentType, r.IdNumber, r.Gender, r.BirthDate, r.Mobile, r.Education, r.School, r.Major,
        r.Employer, r.Occupation, r.ProjectName, r.ProjectCode, r.ConditionLabel,
        string.Join("；", r.Problems.Select(p => $"{p.Column}：{p.Message}")),
        string.Join("；", r.RawValues.Select(v => $"{v.Key}={v.Value}")));
}
