using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Help;
using UglyToad.PdfPig;

namespace ExamPortal.Tests.Areas.Help;

/// <summary>The operating manuals on the web and as PDFs: the same steps, each with its screenshot.</summary>
[Collection(SharedPortal.Name)]
public sealed class ManualPagesTests(PortalFactory portal)
{
    public static TheoryData<ManualAudience> Audiences => [ManualAudience.Candidate, ManualAudience.Institution];

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task The_web_manual_shows_every_step_with_its_screenshot(ManualAudience audience)
    {
        var manual = ManualContent.For(audience);
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync($"/Help/Manual/{audience}");

        Assert.Equal(manual.Title, page.QuerySelector("h1")?.TextContent.Trim());
        foreach (var step in manual.Steps)
        {
            var section = page.GetElementById(step.Anchor);
            Assert.True(section is not null, $"No section for step {step.Anchor}");
            Assert.Contains(step.Title, section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            var image = Assert.Single(section.QuerySelectorAll<IHtmlImageElement>("img"));
            Assert.Equal(step.ScreenshotAlt, image.AlternativeText);
            var src = image.GetAttribute("src")!;
            Assert.StartsWith($"/manual/{step.Screenshot}", src, StringComparison.Ordinal);

            var response = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(manual.Steps.Count, page.QuerySelectorAll("#manual-steps li").Length);
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task The_pdf_manual_has_every_step_title_and_a_screenshot_per_step(ManualAudience audience)
    {
        var manual = ManualContent.For(audience);
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync($"/Help/Manual/{audience}");
        var response = await client.GetAsync(page.QuerySelector<IHtmlAnchorElement>("#manual-pdf")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{manual.Title}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        DocumentArtifacts.Save(pdf, $"help-manual-{audience}.pdf");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var text = string.Concat(pages.Select(p => p.Text));
        Assert.Contains(manual.Title, text, StringComparison.Ordinal);
        Assert.All(manual.Steps, step => Assert.Contains(step.Title, text, StringComparison.Ordinal));
        Assert.Equal(manual.Steps.Count, pages.Sum(p => p.GetImages().Count()));
        Assert.Contains($"共 {pages.Count} 页", pages[^1].Text.Replace("共", "共 ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manuals_page_links_to_both_manuals_on_the_web_and_as_pdf()
    {
        var page = await portal.CreateBrowserlessClient().GetDocumentAsync("/Help/Manual");

        foreach (var audience in new[] { ManualAudience.Candidate, ManualAudience.Institution })
        {
            var hrefs = page.QuerySelectorAll<IHtmlAnchorElement>($"#manual-{audience} a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"/Help/Manual/{audience}", hrefs);
            Assert.Contains($"/Help/Manual/{audience}?handler=Pdf", hrefs);
        }
    }
}
