using ExamPortal.Domain.Common;
using ExamPortal.Tests.Areas.Tickets;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 6 in chromium, in batch 2's printing window: an institution prints all its tickets as one download, a
/// candidate downloads theirs from the public 准考证下载 page, the QR link on it says 准考证有效, and the centre's
/// exam staff download the sign-in sheets.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class TicketJourneyBrowserTests(PortalFactory portal)
{
    private const string ExamLogin = "exam@demo.local";
    private static readonly DateTimeOffset Printing = new(2026, 4, 21, 15, 0, 0, ChinaTime.Offset);

    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Tickets_are_printed_by_the_institution_downloaded_by_a_candidate_verified_by_qr_and_the_centre_prints_sign_in_sheets()
    {
        const string Email = "tickets@browser.example";
        const string Candidate = "孙小七";
        string[] names = ["浏览甲", "浏览乙"];
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTKTW1X", Email);
        var applicants = await _scenario.InstitutionApprovedAsync(staffId, institutionId, names, "22");
        await _scenario.InstitutionPaymentConfirmedAsync(staffId, applicants);
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Candidate);
        var registration = await _scenario.PaymentConfirmedAsync(userId, "12");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var institutionTickets = await _scenario.TicketsAsync(applicants);
        var candidateTicket = await _scenario.TicketAsync(registration);
        portal.Clock.SetNow(Printing);

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var shot = 0;
        async Task Snap(IPage p, string name) =>
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"tickets-{++shot:00}-{name}"), FullPage = true });

        // The institution prints every ticket of its candidates as one PDF.
        var institution = await NewPageAsync(browser, Support.Browser.Desktop);
        await Support.Browser.SignInAsync(institution, Email, Scenario.Password);
        await institution.GetByRole(AriaRole.Link, new() { Name = "打印准考证", Exact = true }).ClickAsync();
        await Assertions.Expect(institution.Locator("#hand-over-by")).ToContainTextAsync("须于2026年4月23日");
        await Assertions.Expect(institution.Locator("#print-window")).ToContainTextAsync("2026年4月20日");
        await Assertions.Expect(institution.Locator("#institution-tickets tbody tr")).ToHaveCountAsync(names.Length);
        await Snap(institution, "institution");
        var printed = await institution.RunAndWaitForDownloadAsync(() =>
            institution.GetByRole(AriaRole.Button, new() { Name = "打印全部准考证" }).ClickAsync());
        var bulk = await ReadDownloadAsync(printed);
        DocumentArtifacts.Save(bulk, "browser-institution-tickets.pdf");
        var bulkWords = TicketPdfs.PageWords(bulk);
        var bulkText = TicketPdfs.PageTexts(bulk);
        Assert.Equal(names.Length, bulkWords.Count);
        for (var i = 0; i < institutionTickets.Count; i++)
        {
            Assert.Contains(institutionTickets[i].Number, bulkWords[i]);
            Assert.Contains("碳资产评估", bulkText[i], StringComparison.Ordinal);
        }

        Assert.Equal(names.Order(), names.Where(n => bulkText.Any(t => t.Contains(n, StringComparison.Ordinal))).Order());
        await institution.ReloadAsync();
        await Assertions.Expect(institution.Locator("#institution-tickets tbody tr").First).ToContainTextAsync("首次");

        // A candidate on a phone, not signed in, finds 准考证下载 in the navigation.
        var phone = await NewPageAsync(browser, Support.Browser.Phone);
        await phone.GotoAsync("/");
        await phone.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "准考证下载", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "准考证下载" })).ToBeVisibleAsync();
        await phone.GetByLabel("证件号码").FillAsync(idNumber);
        await phone.GetByLabel("姓名").FillAsync(Candidate);
        await Snap(phone, "public-download");
        var downloaded = await phone.RunAndWaitForDownloadAsync(() =>
            phone.GetByRole(AriaRole.Button, new() { Name = "查询并下载准考证" }).ClickAsync());
        var own = await ReadDownloadAsync(downloaded);
        DocumentArtifacts.Save(own, "browser-public-ticket.pdf");
        Assert.Contains(candidateTicket.Number, Assert.Single(TicketPdfs.PageWords(own)));
        Assert.Contains(Candidate, TicketPdfs.PageTexts(own)[0], StringComparison.Ordinal);

        // An invigilator scans the QR code with the phone: the link opens the verification page.
        var url = TicketPdfs.QrText(own);
        Assert.StartsWith(new Uri(portal.BaseAddress, "/Tickets/Verify/").ToString(), url, StringComparison.Ordinal);
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator("#verify-result")).ToContainTextAsync("准考证有效");
        await Assertions.Expect(phone.Locator("#verify-facts")).ToContainTextAsync("孙*七");
        await Assertions.Expect(phone.Locator("#verify-facts")).ToContainTextAsync(candidateTicket.Number);
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync(Candidate);
        await Snap(phone, "verified");
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Support.Browser.Phone.Width);

        // The centre's exam staff download the sign-in sheets of every room.
        var centre = await NewPageAsync(browser, Support.Browser.Desktop);
        await Support.Browser.SignInAsync(centre, ExamLogin, DemoDataSeeder.Password);
        await centre.GetByRole(AriaRole.Link, new() { Name = "准考证与考场" }).ClickAsync();
        await Assertions.Expect(centre.Locator("#issued-count")).Not.ToHaveTextAsync("0 张");
        await Snap(centre, "centre");
        var sheets = await centre.RunAndWaitForDownloadAsync(() =>
            centre.GetByRole(AriaRole.Link, new() { Name = "考生签到册" }).ClickAsync());
        var signIn = await ReadDownloadAsync(sheets);
        DocumentArtifacts.Save(signIn, "browser-sign-in-sheets.pdf");
        var signInWords = TicketPdfs.PageWords(signIn).SelectMany(w => w).ToHashSet();
        Assert.Contains("考生签名", string.Concat(TicketPdfs.PageTexts(signIn)), StringComparison.Ordinal);
        foreach (var ticket in institutionTickets.Append(candidateTicket))
        {
            Assert.Contains(ticket.Number, signInWords);
        }
    }

    private async Task<IPage> NewPageAsync(IBrowser browser, (int Width, int Height) size)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    private static async Task<byte[]> ReadDownloadAsync(IDownload download)
    {
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        return bytes;
    }
}
