using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class ApplicationFormPdfTests(ITestOutputHelper output)
{
    private static readonly ApplicationFormData Candidate = new(
        Name: "张三丰",
        Gender: "男",
        BirthDate: new DateOnly(1990, 1, 1),
        IdDocumentType: "居民身份证",
        IdNumber: "51010419900101123X",
        Mobile: "13812345678",
        EducationLevel: "大学本科",
        GraduatedFrom: "四川大学",
        Major: "计算机科学与技术",
        Employer: "成都市某某信息技术有限公司",
        Occupation: "数据分析员",
        Address: "四川省成都市青羊区东二巷18号5楼",
        ProjectName: "大数据分析",
        EligibilityCondition: "达到法定劳动年龄，具有高中（同等学力）及以上学历，熟悉计算机基本操作的劳动者。",
        BatchName: "第3批",
        ExamDate: new DateOnly(2026, 5, 16));

    [Fact]
    public void TheApplicationFormIsOneA4PageWithTheCandidatesDetailsAsText()
    {
        var pdf = ApplicationFormPdf.ApplicationForm(Candidate, photoJpeg: null);
        DocumentArtifacts.Save(pdf, "application-form.pdf");

        var text = AssertOneA4PageWithSubsetFont(pdf);
        Assert.Contains("四川省专项职业能力考核个人申报表", text, StringComparison.Ordinal);
        Assert.Contains("张三丰", text, StringComparison.Ordinal);
        Assert.Contains("51010419900101123X", text, StringComparison.Ordinal);
        Assert.Contains("大数据分析", text, StringComparison.Ordinal);
        Assert.Contains("1990年1月1日", text, StringComparison.Ordinal);
        Assert.Contains("2026年5月16日", text, StringComparison.Ordinal);
        Assert.Contains("粘贴照片处", text, StringComparison.Ordinal);
        Assert.Contains("申报人签名", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCandidatesPhotoIsPrintedInThePhotoBox()
    {
        var photo = new PhotoProcessor(NullLogger<PhotoProcessor>.Instance).Fit(UploadSamples.Jpeg(600, 800));

        var pdf = ApplicationFormPdf.ApplicationForm(Candidate, photo.Content);
        DocumentArtifacts.Save(pdf, "application-form-with-photo.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var image = Assert.Single(page.GetImages());
        Assert.Equal((295, 413), (image.WidthInSamples, image.HeightInSamples));
        Assert.DoesNotContain("粘贴照片处", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void APhotoThatIsNotAJpegIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => ApplicationFormPdf.ApplicationForm(Candidate, UploadSamples.Png(30, 40)));

    [Fact]
    public void TheIntegrityCommitmentCarriesTheAnnouncementsWordsAndTheCandidate()
    {
        var pdf = ApplicationFormPdf.IntegrityCommitment(Candidate);
        DocumentArtifacts.Save(pdf, "integrity-commitment.pdf");

        var text = AssertOneA4PageWithSubsetFont(pdf);
        Assert.Contains("四川省专项职业能力考核个人诚信承诺书", text, StringComparison.Ordinal);
        Assert.Contains("张三丰", text, StringComparison.Ordinal);
        Assert.Contains("51010419900101123X", text, StringComparison.Ordinal);
        Assert.Contains("大数据分析", text, StringComparison.Ordinal);
        Assert.Contains("承诺人签名（手写）", text, StringComparison.Ordinal);
        Assert.Contains("按手印", text, StringComparison.Ordinal);

        // Lines wrap anywhere in Chinese, so compare without the breaks.
        foreach (var paragraph in ApplicationFormPdf.IntegrityCommitmentWording.Split('\n'))
        {
            Assert.Contains(paragraph, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheCommitmentWordingHoldsTheAnnouncementsSentences()
    {
        Assert.Contains("考生对提交的各类资料真实性负责", ApplicationFormPdf.IntegrityCommitmentWording, StringComparison.Ordinal);
        Assert.Contains("考生提交材料务必真实有效，对于弄虚作假的，一经查实，按有关规定处理", ApplicationFormPdf.IntegrityCommitmentWording, StringComparison.Ordinal);
        Assert.Contains("双承诺制", ApplicationFormPdf.IntegrityCommitmentWording, StringComparison.Ordinal);
    }

    [Fact]
    public void LongAnswersWrapInsideTheirBoxesAndStayOnOnePage()
    {
        var verbose = Candidate with
        {
            Address = string.Concat(Enumerable.Repeat("四川省成都市高新区天府大道北段1700号环球中心", 3)),
            Employer = "Sichuan Provincial Big Data Application Engineering Technology Research Center Co., Ltd.",
            EligibilityCondition = "达到法定劳动年龄，具备高中（同等学力）及以上或具有市场营销、品牌管理、企业管理、销售、新媒体、电子商务等相关专业技能的劳动者均可申报。"
                + "达到法定劳动年龄，具有相应技能的劳动者均可申报。",
        };

        var pdf = ApplicationFormPdf.ApplicationForm(verbose, photoJpeg: null);
        DocumentArtifacts.Save(pdf, "application-form-long.pdf");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(1, document.NumberOfPages);
        Assert.All(page.Letters, letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 50, page.Width - 50);
            Assert.InRange(letter.BoundingBox.Right, 50, page.Width - 50);
            Assert.InRange(letter.BoundingBox.Bottom, 30, page.Height - 30);
        });
        Assert.Contains("Sichuan", page.Text, StringComparison.Ordinal);
    }

    private string AssertOneA4PageWithSubsetFont(byte[] pdf)
    {
        output.WriteLine($"{pdf.Length} bytes");
        Assert.True(pdf.Length < 200 * 1024, $"{pdf.Length} bytes: the font must be embedded as a subset");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 1.0);
        Assert.Equal(842, page.Height, 1.0);
        Assert.All(page.Letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
        return page.Text;
    }
}
