using System.IO.Compression;
using System.Xml.Linq;
using ExamPortal.Web.Features.Documents;
using MiniExcelLibs;

namespace ExamPortal.Tests.Features.Documents;

public sealed class RosterWorkbookTests
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void IdNumbersComeBackAsTheTextThatWasWritten()
    {
        var data = SubmissionSamples.Submission(30);

        var xlsx = RosterWorkbook.Build(data);
        DocumentArtifacts.Save(xlsx, "roster.xlsx");

        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true, sheetName: RosterWorkbook.RosterSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(30, rows.Count);
        Assert.Equal(SubmissionSamples.IdEndingInX, Assert.IsType<string>(rows[0]["证件号码"]));

        // As a number this would be 5.1010419851231002E+17: the last digits gone.
        Assert.Equal(SubmissionSamples.IdAllDigits, Assert.IsType<string>(rows[1]["证件号码"]));
        Assert.Equal("13800000002", Assert.IsType<string>(rows[1]["手机号码"]));
        Assert.Equal(
            data.Entries.Select(e => (e.FullName, e.IdNumber, e.ProjectName, e.Condition)),
            rows.Select(r => ((string)r["姓名"]!, (string)r["证件号码"]!, (string)r["申报项目"]!, (string)r["申报条件"]!)));
    }

    [Fact]
    public void TheIdAndMobileColumnsAreFormattedAsTextSoEditingThemInExcelKeepsThemText()
    {
        var xlsx = RosterWorkbook.Build(SubmissionSamples.Submission(3));

        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var worksheet = Load(zip, "xl/worksheets/sheet1.xml");
        var styles = Load(zip, "xl/styles.xml");
        var formats = styles.Descendants(Sheet + "numFmt").ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var cellFormats = styles.Element(Sheet + "styleSheet")!.Element(Sheet + "cellXfs")!.Elements(Sheet + "xf").ToList();
        foreach (var reference in new[] { "E2", "E3", "F2" })
        {
            var cell = worksheet.Descendants(Sheet + "c").Single(c => (string?)c.Attribute("r") == reference);
            Assert.NotEqual("n", (string?)cell.Attribute("t"));
            var format = (string)cellFormats[(int)cell.Attribute("s")!].Attribute("numFmtId")!;
            Assert.Equal("@", formats.GetValueOrDefault(format));
        }
    }

    [Fact]
    public void TheSubmissionsFactsAreOnASecondSheet()
    {
        var xlsx = RosterWorkbook.Build(SubmissionSamples.Submission(3));

        using var stream = new MemoryStream(xlsx);
        Assert.Equal([RosterWorkbook.RosterSheet, RosterWorkbook.FactsSheet], stream.GetSheetNames());
        var facts = stream.Query(useHeaderRow: true, sheetName: RosterWorkbook.FactsSheet)
            .Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["项目"]!, r => (string)r["内容"]!);
        Assert.Equal("四川某某职业技术学院", facts["报名机构"]);
        Assert.Equal("12510000MB1234567X", facts["统一社会信用代码"]);
        Assert.Equal("2026年第3批", facts["考核批次"]);
        Assert.Equal("2026年5月16日", facts["考核日期"]);
        Assert.Equal("SB2026030017", facts["提交编号"]);
        Assert.Equal("2026年4月20日 10:30", facts["提交时间"]);
        Assert.Equal("3人", facts["报名人数"]);
    }

    private static XDocument Load(ZipArchive zip, string path)
    {
        using var entry = zip.GetEntry(path)!.Open();
        return XDocument.Load(entry);
    }
}
