using System.IO.Compression;
using System.Text;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.Results;
using static ExamPortal.Tests.Features.Results.ScoreSheets;

namespace ExamPortal.Tests.Features.Results;

public sealed class ScoreSheetReaderTests
{
    private const string EmptyScore = "请填写成绩（0—100的数字，最多一位小数），未参加考核的填“缺考”";

    [Fact]
    public void TheHeaderRowIsFoundUnderAMergedTitleRow()
    {
        var xlsx = Workbooks.Build("成绩",
        [
            ["2026年第1批 碳排放交易 成绩登记表", null, null],
            [null, null, null],
            Header,
            [Ticket1, "张三", 85.5],
        ], package => Workbooks.Merge(package, "成绩", "A1:C1"));

        var sheet = Read(xlsx);

        Assert.Null(sheet.Refusal);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal((4, Ticket1, "张三", 85.5m), (row.RowNumber, row.TicketNumber, row.FullName, row.Value!.Points));
        Assert.Empty(row.Problems);
    }

    [Fact]
    public void ColumnsAreFoundByHeaderInAnyOrderUnderTheirOtherNamesAndExtraColumnsAreIgnored()
    {
        var sheet = Read(Build(
            ["序号", "考核成绩", "备注", "考生姓名", "准考证编号（必填）"],
            [1d, 72.5, "补考", "张三", Ticket1],
            [2d, "缺考", null, "李四", Ticket2]));

        Assert.Null(sheet.Refusal);
        Assert.Equal(
            [(Ticket1, "张三", "72.5"), (Ticket2, "李四", "缺考")],
            sheet.Rows.Select(r => (r.TicketNumber, r.FullName, r.Value!.ToString())));
        Assert.All(sheet.Rows, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void ATicketNumberExcelStoredAsANumberReadsBackAsAllTwelveDigits()
    {
        var sheet = ReadRows([202601170001d, "张三", 60d], ["２０２６０１１７０００２", "李四", 70d]);

        Assert.Equal([Ticket1, Ticket2], sheet.Rows.Select(r => r.TicketNumber));
        Assert.All(sheet.Rows, r => Assert.Empty(r.Problems));
    }

    [Theory]
    [InlineData(59.9, "59.9", "不合格")]
    [InlineData(60d, "60", "合格")]
    [InlineData("60.0", "60", "合格")]
    [InlineData(100d, "100", "合格")]
    [InlineData(0d, "0", "不合格")]
    [InlineData("缺考", "缺考", "缺考")]
    [InlineData(" 缺 考 ", "缺考", "缺考")]
    [InlineData("59.9", "59.9", "不合格")]
    [InlineData("８５．５", "85.5", "合格")]
    [InlineData("85。5", "85.5", "合格")]
    // Binary noise of a score Excel computed by a formula.
    [InlineData(59.900000000000006, "59.9", "不合格")]
    public void ScoresAreReadExactlyAsShown(object cell, string shown, string outcome)
    {
        var row = Assert.Single(ReadRows([Ticket1, "张三", cell]).Rows);

        Assert.Empty(row.Problems);
        Assert.Equal(shown, row.Value!.ToString());
        Assert.Equal(outcome, ExamOutcomes.DisplayName(ExamOutcomes.Of(row.Value)));
        if (shown != ScoreValue.AbsentText)
        {
            Assert.Equal(decimal.Parse(shown, System.Globalization.CultureInfo.InvariantCulture), row.Value.Points);
        }
    }

    [Theory]
    [InlineData(100.5, "成绩100.5超出0—100的范围，请核对")]
    [InlineData("100.5", "成绩100.5超出0—100的范围，请核对")]
    [InlineData(-1d, "成绩-1超出0—100的范围，请核对")]
    [InlineData("-1", "成绩-1超出0—100的范围，请核对")]
    [InlineData(1e30, "成绩1E+30超出0—100的范围，请核对")]
    [InlineData(85.25, "成绩85.25的小数超过一位，请保留一位小数")]
    [InlineData("85.25", "成绩85.25的小数超过一位，请保留一位小数")]
    [InlineData("八十", "成绩“八十”不是数字：请填写0—100的数字（最多一位小数）或“缺考”")]
    [InlineData("缺考（病假）", "成绩“缺考（病假）”不是数字：请填写0—100的数字（最多一位小数）或“缺考”")]
    [InlineData(null, EmptyScore)]
    [InlineData("  ", EmptyScore)]
    public void ScoresOutsideTheRulesAreRefusedSayingWhatToChange(object? cell, string problem)
    {
        var row = Assert.Single(ReadRows([Ticket1, "张三", cell]).Rows);

        Assert.Null(row.Value);
        Assert.Equal([problem], row.Problems);
    }

    [Fact]
    public void TicketNumberAndNameProblemsComeInColumnOrder()
    {
        var sheet = ReadRows(
            [null, "张三", 80d],
            ["20260117001", "李四", 80d],
            [Ticket3, null, "八十"],
            [2.5, "  ", 80d]);

        Assert.Equal(
        [
            ["请填写准考证号（12位数字）"],
            ["准考证号“20260117001”不是12位数字，请按准考证核对"],
            ["请填写姓名（与准考证上的姓名一致）", "成绩“八十”不是数字：请填写0—100的数字（最多一位小数）或“缺考”"],
            ["准考证号“2.5”不是12位数字，请按准考证核对", "请填写姓名（与准考证上的姓名一致）"],
        ], sheet.Rows.Select(r => r.Problems));
        Assert.Equal(["", "20260117001", Ticket3, "2.5"], sheet.Rows.Select(r => r.TicketNumber));
    }

    [Fact]
    public void BlankRowsAreSkippedAndRowNumbersAreExcels()
    {
        var sheet = Read(Build(
            ["序号", "准考证号", "姓名", "成绩"],
            [1d, Ticket1, "张三", 61d],
            [2d, null, null, null],
            [null, "  ", "", null],
            [4d, Ticket2, "李 四", 62d],
            [null, null, null, null],
            [null, Ticket3, "王五", 63d]));

        Assert.Equal([2, 5, 7], sheet.Rows.Select(r => r.RowNumber));
        Assert.Equal(["张三", "李四", "王五"], sheet.Rows.Select(r => r.FullName));
    }

    [Fact]
    public void AnotherSheetIsReadWhenTheFirstHasNoHeader()
    {
        var xlsx = Workbooks.Build(
        [
            ("说明", [["请在第二个工作表填写成绩"]]),
            ("Sheet2", [Header, [Ticket1, "张三", 90d]]),
        ]);

        var row = Assert.Single(Read(xlsx).Rows);

        Assert.Equal((Ticket1, 90m), (row.TicketNumber, row.Value!.Points));
    }

    [Fact]
    public void ASheetWithoutAllThreeHeadersIsRefusedNamingTheMissingOnes()
    {
        var sheet = Read(Build(["准考证号", "考生", "分值"], [Ticket1, "张三", 90d]));

        Assert.Empty(sheet.Rows);
        Assert.Equal("没有找到表头行：前10行中没有一行同时包含“准考证号”“姓名”“成绩”，缺少“姓名”“成绩”。请使用成绩模板，保留列名（列的顺序可以调整）", sheet.Refusal);
    }

    public static TheoryData<byte[]> NotXlsxFiles => new()
    {
        Encoding.UTF8.GetBytes("准考证号,姓名,成绩\n202601170001,张三,85\n"),
        // The signature of an OLE compound file: an .xls from Excel 97–2003.
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 },
        Zip("readme.txt"),
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(NotXlsxFiles))]
    public void AFileThatIsNotAnXlsxIsRefused(byte[] file)
    {
        var sheet = Read(file);

        Assert.True(sheet.IsRefused);
        Assert.Equal(ApplicantSheetReader.NotXlsxMessage, sheet.Refusal);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void MoreRowsThanAPlanCanHaveTicketsAreRefused()
    {
        var rows = Enumerable.Range(1, ScoreSheetReader.MaxRows + 1).Select(i => new object?[] { $"20260117{i:D4}", "张三", 60d });

        var sheet = Read(Build([Header, .. rows]));

        Assert.Equal(ScoreSheetReader.TooManyRowsMessage, sheet.Refusal);
        Assert.Empty(sheet.Rows);
    }

    private static byte[] Zip(string entryName)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry(entryName).Open());
            entry.Write("不是Excel文件");
        }

        return stream.ToArray();
    }
}
