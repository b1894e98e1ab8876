using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;

namespace ExamPortal.Tests.Areas.Help;

/// <summary>常见问题: the answers quote the rules the portal enforces and name every status as the portal shows it.</summary>
[Collection(SharedPortal.Name)]
public sealed class FaqTests(PortalFactory portal)
{
    [Fact]
    public async Task The_answers_give_the_photo_and_scan_sizes_and_what_the_portal_does_about_them()
    {
        var page = await FaqAsync();

        var photo = Section(page, "photo");
        Assert.Contains("小于50KB", photo, StringComparison.Ordinal);
        Assert.Contains("295×413", photo, StringComparison.Ordinal);
        Assert.Contains("采用这张照片", photo, StringComparison.Ordinal);
        var scans = Section(page, "scans");
        Assert.Contains("200KB", scans, StringComparison.Ordinal);
        Assert.Contains("300KB", scans, StringComparison.Ordinal);
        Assert.Contains("重新压缩", scans, StringComparison.Ordinal);
        Assert.Contains("PDF", scans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_status_is_explained_under_its_display_name()
    {
        var page = await FaqAsync();

        foreach (var status in Enum.GetValues<RegistrationStatus>())
        {
            var row = page.QuerySelector($"#status-{status}");
            Assert.True(row is not null, $"No row for {status}");
            Assert.Equal(RegistrationStatuses.DisplayName(status), row.QuerySelector(".badge")!.TextContent.Trim());
            Assert.True(row.QuerySelectorAll("td")[1].TextContent.Trim().Length > 10, $"No meaning given for {status}");
        }
    }

    [Fact]
    public async Task The_answers_cover_paying_locking_results_certificates_password_and_contact()
    {
        var page = await FaqAsync();

        Assert.Contains("请勿重复缴费", Section(page, "after-paying"), StringComparison.Ordinal);
        Assert.Contains("确认收费", Section(page, "after-paying"), StringComparison.Ordinal);
        Assert.Contains(Registration.LockedAfterPayment, Section(page, "locked"), StringComparison.Ordinal);
        Assert.Contains("5个工作日", Section(page, "score"), StringComparison.Ordinal);
        Assert.Contains("公示期内", Section(page, "objection"), StringComparison.Ordinal);
        Assert.Contains("509室", Section(page, "certificate"), StringComparison.Ordinal);
        Assert.Contains("30个工作日", Section(page, "certificate"), StringComparison.Ordinal);
        Assert.Equal("/Account/Recover", page.QuerySelector<IHtmlAnchorElement>("#password a")!.GetAttribute("href"));
        Assert.Contains("028-86156861", Section(page, "contact"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_question_has_an_anchor_the_list_of_questions_links_to()
    {
        var page = await FaqAsync();

        var targets = page.QuerySelectorAll<IHtmlAnchorElement>("#faq-index a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.InRange(targets.Count, 12, 20);
        Assert.All(targets, href =>
        {
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            var section = page.GetElementById(href[1..]);
            Assert.True(section is not null, $"No question at {href}");
            Assert.False(string.IsNullOrWhiteSpace(section.QuerySelector("h3")?.TextContent));
        });
        Assert.Equal(targets.Count, targets.Distinct().Count());
    }

    private async Task<IDocument> FaqAsync() => await portal.CreateBrowserlessClient().GetDocumentAsync("/Help/Faq");

    private static string Section(IDocument page, string id) =>
        page.GetElementById(id)?.TextContent ?? throw new InvalidOperationException($"No section #{id} on the FAQ");
}
