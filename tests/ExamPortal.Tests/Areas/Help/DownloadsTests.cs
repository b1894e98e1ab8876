using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Help;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace ExamPortal.Tests.Areas.Help;

/// <summary>相关附件下载: anyone, signed in or not, downloads the blank forms and the applicant template.</summary>
[Collection(SharedPortal.Name)]
public sealed class DownloadsTests(PortalFactory portal)
{
    [Fact]
    public async Task The_page_offers_every_attachment_to_an_anonymous_visitor()
    {
        var page = await portal.CreateBrowserlessClient().GetDocumentAsync("/Help/Downloads");

        Assert.Equal("相关附件下载", page.QuerySelector("h1")?.TextContent.Trim());
        foreach (var title in new[] { ApplicationFormPdf.ApplicationFormTitle, ApplicationFormPdf.IntegrityCommitmentTitle, QualityCommitmentPdf.Title, RosterPdf.Title, HelpAttachments.ApplicantTemplateTitle })
        {
            Assert.Contains($"《{title}》", page.QuerySelector("#attachments")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(HelpAttachments.All.Count, page.QuerySelectorAll("#attachments a[href*='handler=File']").Length);
    }

    [Theory]
    [InlineData(HelpAttachmentKind.ApplicationForm, ApplicationFormPdf.ApplicationFormTitle, "粘贴照片处")]
    [InlineData(HelpAttachmentKind.IntegrityCommitment, ApplicationFormPdf.IntegrityCommitmentTitle, "承诺人签名")]
    [InlineData(HelpAttachmentKind.QualityCommitment, "专项职业能力考核报名质量责任承诺书", "法定代表人或负责人")]
    [InlineData(HelpAttachmentKind.Roster, RosterPdf.Title, "合计")]
    public async Task Each_blank_form_downloads_as_a_pdf_with_its_title_and_nothing_filled_in(HelpAttachmentKind kind, string title, string caption)
    {
        var response = await DownloadAsync(kind);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HelpAttachments.Of(kind).FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        DocumentArtifacts.Save(pdf, $"help-blank-{kind}.pdf");
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(caption, text, StringComparison.Ordinal);

        // Blank: no date, ID number or submission of any registration is printed.
        Assert.DoesNotMatch(@"\d{4}年\d{1,2}月\d{1,2}日", text);
        Assert.DoesNotMatch(@"\d{17}[\dX]", text);
        Assert.DoesNotContain("提交编号：", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_template_downloads_as_the_workbook_the_import_reads()
    {
        var response = await DownloadAsync(HelpAttachmentKind.ApplicantTemplate);

        Assert.Equal(HelpAttachments.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("考生信息导入模板.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var header = (IDictionary<string, object?>)MiniExcel.Query(workbook, sheetName: ApplicantTemplate.SheetName).First();
        Assert.Equal(ApplicantColumns.All.Select(c => c.Header), header.Values.Select(v => v?.ToString()));
        Assert.Contains(ApplicantTemplate.InstructionsSheetName, MiniExcel.GetSheetNames(workbook));
    }

    [Theory]
    [InlineData("?handler=File&kind=Passport")]
    [InlineData("?handler=File")]
    public async Task An_unknown_attachment_is_not_found(string query)
    {
        var response = await portal.CreateBrowserlessClient().GetAsync("/Help/Downloads" + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_main_navigation_links_to_downloads_questions_and_manuals()
    {
        var client = portal.CreateBrowserlessClient();
        var home = await client.GetDocumentAsync("/");
        var links = home.QuerySelectorAll<IHtmlAnchorElement>("nav.main-nav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));

        Assert.Equal("/Help/Downloads", links["附件下载"]);
        Assert.Equal("/Help/Faq", links["常见问题"]);
        Assert.Equal("/Help/Manual", links["操作手册"]);
        foreach (var href in new[] { links["附件下载"], links["常见问题"], links["操作手册"] })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
        }
    }

    /// <summary>The download link the page itself offers for this attachment, followed without signing in.</summary>
    private async Task<HttpResponseMessage> DownloadAsync(HelpAttachmentKind kind)
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Help/Downloads");
        var href = page.QuerySelector<IHtmlAnchorElement>($"#attachment-{kind} a")!.GetAttribute("href")!;
        var response = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return response;
    }
}
