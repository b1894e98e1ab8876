using ExamPortal.Web.Features.Documents;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class QualityCommitmentPdfTests(ITestOutputHelper output)
{
    [Fact]
    public void TheCommitmentIsOneA4PageInTheInstitutionsVoiceForTheRosterItCovers()
    {
        var pdf = QualityCommitmentPdf.Build(SubmissionSamples.Submission(37));
        DocumentArtifacts.Save(pdf, "quality-commitment.pdf");

        using var document = OneA4Page(pdf);
        var text = document.GetPage(1).Text;
        foreach (var expected in new[]
                 {
                     "专项职业能力考核报名质量责任承诺书（省、市统一考核）",
                     "四川省职业技能鉴定指导中心：",
                     "我单位四川某某职业技术学院（统一社会信用代码：12510000MB1234567X）",
                     "2026年第3批（考核日期：2026年5月16日）",
                     "考生37名",
                     "《考核人员花名册》（提交编号：SB2026030017，共37人）",
                     "双承诺制",
                     "报名机构对考生资格审核的合规性负责",
                     "对照各考核项目的申报条件",
                     "原件扫描件",
                     "提供虚假证明材料、暗箱操作、徇私舞弊",
                     "报名机构（盖章）：四川某某职业技术学院",
                     "机构地址：四川省成都市郫都区团结街道学院路1号",
                     "法定代表人或负责人（签字）：",
                     "经办人（签字）：",
                     "联系人：王老师",
                     "联系电话：028-87654321",
                     "日期：",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ALongNameAndAddressStillFitOnePageInsideTheMargins()
    {
        var data = SubmissionSamples.Submission(
            500,
            institutionName: "四川省某某市某某区职业技术教育中心暨某某职业技能等级评价中心",
            address: "四川省成都市高新区天府大道北段1700号环球中心E1区3栋12楼1203号至1208号");

        var pdf = QualityCommitmentPdf.Build(data);
        DocumentArtifacts.Save(pdf, "quality-commitment-long.pdf");

        using var document = OneA4Page(pdf);
        var page = document.GetPage(1);
        Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 50, page.Width - 50);
            Assert.InRange(letter.BoundingBox.Right, 50, page.Width - 50);
            Assert.InRange(letter.BoundingBox.Bottom, 40, page.Height - 40);
        });
        Assert.Contains("考生500名", page.Text, StringComparison.Ordinal);
        Assert.Contains("日期：", page.Text, StringComparison.Ordinal);
    }

    private PdfDocument OneA4Page(byte[] pdf)
    {
        output.WriteLine($"{pdf.Length} bytes");
        Assert.True(pdf.Length < 200 * 1024, $"{pdf.Length} bytes: the font must be embedded as a subset");
        var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), (Math.Round(page.Width), Math.Round(page.Height)));
        Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
        return document;
    }
}
