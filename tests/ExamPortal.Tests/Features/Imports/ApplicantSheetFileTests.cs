using System.IO.Compression;
using System.Text;
using ExamPortal.Domain.People;
using ExamPortal.Web.Features.Imports;
using static ExamPortal.Tests.Features.Imports.ImportFixtures;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>Whole-file cases, built in memory: wrong formats, a missing header row, the row limit, speed.</summary>
public sealed class ApplicantSheetFileTests
{
    public static TheoryData<string, byte[]> NotXlsx => new()
    {
        { "csv", Encoding.UTF8.GetBytes("姓名,证件号码\n张三,510104199001020073\n") },
        { "xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] },
        { "empty", [] },
        { "zip without a workbook", ZipWith("word/document.xml") },
        { "damaged xlsx", Workbooks.Build("Sheet1", [Applicant.Header])[..200] },
    };

    [Theory]
    [MemberData(nameof(NotXlsx))]
    public void AFileThatIsNotAnXlsxIsRefusedAsAWhole(string kind, byte[] content)
    {
        var sheet = Workbooks.Read(content);

        Assert.True(sheet.Rows.Count == 0, kind);
        Assert.Equal("请上传 .xlsx 格式的Excel文件（不支持 .xls 或 .csv）", Assert.Single(sheet.SheetProblems));
    }

    [Fact]
    public void ASheetWithoutACompleteHeaderRowListsTheMissingHeaders()
    {
        object?[] header = [.. Applicant.Header.Where(h => h is not ("手机号码" or "申报项目"))];

        var sheet = Workbooks.Read(Workbooks.Build("Sheet1", [header, new Applicant { IdNumber = Id(1) }.Cells()]));

        Assert.Empty(sheet.Rows);
        Assert.Equal(
            "没有找到表头行：前10行中没有一行包含全部必填列，缺少“手机号码”“申报项目”。请使用报名模板，保留第一行的列名（列的顺序可以调整）",
            Assert.Single(sheet.SheetProblems));
    }

    [Fact]
    public void TheHeaderRowMustBeWithinTheFirstTenRows()
    {
        object?[][] Sheet(int headerRow) =>
            [.. Enumerable.Range(1, headerRow - 1).Select(i => new object?[] { $"说明第{i}行" }), Applicant.Header, new Applicant { IdNumber = Id(1) }.Cells()];

        var tenth = Workbooks.Read(Workbooks.Build("Sheet1", Sheet(10)));
        var eleventh = Workbooks.Read(Workbooks.Build("Sheet1", Sheet(11)));

        Assert.Equal(11, Assert.Single(tenth.Rows).RowNumber);
        Assert.Empty(eleventh.Rows);
        Assert.Contains("缺少“姓名”“证件号码”“手机号码”“文化程度”“申报项目”", Assert.Single(eleventh.SheetProblems), StringComparison.Ordinal);
    }

    [Fact]
    public void TheApplicantSheetIsFoundBehindACoverSheet()
    {
        var xlsx = Workbooks.Build(
        [
            ("封面", [["2026年专项职业能力考核报名材料"]]),
            ("名单", [Applicant.Header, new Applicant { IdNumber = Id(1) }.Cells()]),
        ]);

        var row = Assert.Single(Workbooks.Read(xlsx).Rows);

        Assert.True(row.IsValid);
    }

    [Fact]
    public void FiveThousandApplicantsAreReadInOnePass()
    {
        var xlsx = Workbooks.Build("Sheet1", [Applicant.Header, .. ManyApplicants(ApplicantSheetReader.MaxRows)]);

        var sheet = Workbooks.Read(xlsx);

        Assert.Empty(sheet.SheetProblems);
        Assert.Equal(5000, sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.True(r.IsValid));
        Assert.Equal(5001, sheet.Rows[^1].RowNumber);
    }

    [Fact]
    public void MoreThanFiveThousandApplicantsAreRefused()
    {
        var xlsx = Workbooks.Build("Sheet1", [Applicant.Header, .. ManyApplicants(ApplicantSheetReader.MaxRows + 1)]);

        var sheet = Workbooks.Read(xlsx);

        Assert.Empty(sheet.Rows);
        Assert.Equal("文件中的考生超过5000人，一次最多导入5000人：请把名单分成几个文件分别上传", Assert.Single(sheet.SheetProblems));
    }

    [Fact]
    public void AStreamThatCannotSeekIsReadToo()
    {
        var xlsx = Workbooks.Build("Sheet1", [Applicant.Header, new Applicant { IdNumber = Id(1) }.Cells()]);
        using var upload = new ForwardOnlyStream(xlsx);

        var sheet = ApplicantSheetReader.Read(upload, Context);

        Assert.True(Assert.Single(sheet.Rows).IsValid);
    }

    [Fact]
    public void AnEmptyDocumentTypeIsReadFromTheNumberAndOtherwiseTakenForAResidentIdCard()
    {
        var permit = Support.IdNumbers.Resident("810000", Born, 123);
        var xlsx = Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { IdType = null, IdNumber = permit }.Cells(),
            new Applicant { IdType = null, IdNumber = Id(2) }.Cells(),
            new Applicant { IdType = null, IdNumber = "E12345678", Gender = "男", BirthDate = "1990-01-02" }.Cells(),
            new Applicant { IdType = "驾驶证", IdNumber = Id(4) }.Cells(),
        ]);

        var rows = Workbooks.Read(xlsx).Rows;

        Assert.Equal((true, IdDocumentType.HongKongMacaoTaiwanResidencePermit), (rows[0].IsValid, rows[0].IdDocumentType));
        Assert.Equal((true, IdDocumentType.ResidentIdCard), (rows[1].IsValid, rows[1].IdDocumentType));
        Assert.Equal(
            new RowProblem("证件号码", "居民身份证号码应为18位，您输入了9位（未填写证件类型，已按居民身份证核对；如是其他证件，请在“证件类型”列选择）"),
            Assert.Single(rows[2].Problems));
        Assert.Equal(
            new RowProblem("证件类型", "“驾驶证”不是可选的证件类型，请从下拉列表选择（居民身份证、港澳台居民居住证、外国人永久居留身份证、护照）"),
            Assert.Single(rows[3].Problems));
    }

    [Fact]
    public void TheQualificationCarriesTheDeclarationsTheInstitutionVouchesFor()
    {
        var xlsx = Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { IdNumber = Id(1), Education = "高中" }.For("01").Cells(),
            new Applicant { IdNumber = Id(2), Education = "初中" }.For("11", path: 1).Cells(),
        ]);

        var rows = Workbooks.Read(xlsx).Rows;

        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("；", r.Problems)));
        Assert.Equal(["具有计算机操作能力"], rows[0].Qualification!.Declarations);
        Assert.False(rows[0].Qualification!.DeclaresRelatedSkill);
        Assert.True(rows[1].Qualification!.DeclaresRelatedSkill);
        Assert.False(rows[1].Qualification!.IsFinalYearStudent);
    }

    [Fact]
    public void ARowWithSeveralProblemsListsThemLeftToRight()
    {
        var xlsx = Workbooks.Build("Sheet1",
        [
            Applicant.Header,
            new Applicant { Name = null, IdNumber = Id(1), Mobile = "12345", Education = "幼儿园", Project = "不存在的项目" }.Cells(),
        ]);

        var row = Assert.Single(Workbooks.Read(xlsx).Rows);

        Assert.Equal(["姓名", "手机号码", "文化程度", "申报项目"], row.Problems.Select(p => p.Column));
        Assert.Equal("手机号码应为11位数字，您输入了5位", row.Problems[1].Message);
        Assert.StartsWith("文化程度“幼儿园”无法识别，请从下拉列表选择（初中及以下、高中、", row.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithProblemAddsAProblemToACopy()
    {
        var row = Assert.Single(Workbooks.Read(Workbooks.Build("Sheet1", [Applicant.Header, new Applicant { IdNumber = Id(1) }.Cells()])).Rows);

        var refused = row.WithProblem(new RowProblem("证件号码", "该考生已在本批次报名"));

        Assert.True(row.IsValid);
        Assert.False(refused.IsValid);
        Assert.Equal((row.RowNumber, row.IdNumber), (refused.RowNumber, refused.IdNumber));
    }

    private static IEnumerable<object?[]> ManyApplicants(int count) =>
        Enumerable.Range(0, count).Select(i => new Applicant
        {
            Sequence = (double)(i + 1),
            IdNumber = Support.IdNumbers.Resident("510104", Born.AddDays(i / 500), i % 1000),
        }.Cells());

    private static byte[] ZipWith(string entry)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write("<document/>");
        }

        return stream.ToArray();
    }

    /// <summary>An upload read straight off the request body, which cannot seek.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream inner = new(content);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
