using ExamPortal.Web.Features.Documents;
using MiniExcelLibs;

namespace ExamPortal.Tests.Features.Documents;

public sealed class ResultListWorkbookTests
{
    private static readonly string[] Columns = ["考核项目", "序号", "姓名", "准考证号", "成绩", "考核结果", "公示期"];

    [Fact]
    public void OneSheetHoldsEveryCandidateOfEveryProjectAsTextUnderOneHeaderRow()
    {
        var list = CertificateSamples.Results(projects: 2, perProject: 40);

        var xlsx = ResultListWorkbook.Build(list);
        DocumentArtifacts.Save(xlsx, "result-list.xlsx");

        using var stream = new MemoryStream(xlsx);
        Assert.Equal([ResultListWorkbook.Sheet], stream.GetSheetNames());
        Assert.Equal(Columns, stream.GetColumns(useHeaderRow: true, sheetName: ResultListWorkbook.Sheet));
        var rows = stream.Query(useHeaderRow: true, sheetName: ResultListWorkbook.Sheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(80, rows.Count);

        var expected = list.Projects.SelectMany(p => p.Entries.Select((e, i) => (p.ProjectName, Sequence: i + 1, e.MaskedName, e.TicketNumber, e.Score, e.Outcome)));
        Assert.Equal(
            expected,
            rows.Select(r => (
                Assert.IsType<string>(r["考核项目"]),
                (int)Convert.ToDouble(r["序号"], System.Globalization.CultureInfo.InvariantCulture),
                Assert.IsType<string>(r["姓名"]),
                Assert.IsType<string>(r["准考证号"]),
                Assert.IsType<string>(r["成绩"]),
                Assert.IsType<string>(r["考核结果"]))));
        Assert.All(rows, r => Assert.Equal("2026年4月3日至2026年4月10日", r["公示期"]));
        Assert.Equal("张*三", rows[0]["姓名"]);
    }

    [Fact]
    public void BuildRefusesAMissingList() =>
        Assert.Throws<ArgumentNullException>(() => ResultListWorkbook.Build(null!));
}
