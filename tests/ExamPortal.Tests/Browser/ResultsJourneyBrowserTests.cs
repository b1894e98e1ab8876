using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Features.Results;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Results;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 7 in chromium: the centre imports a plan's scores from its template, the results are published with masked
/// names, the centre issues certificates, the candidate downloads theirs on a phone and its QR link verifies it,
/// and the paper certificate's collection is recorded in the ledger. Batch 2's project 03 (大数据采集) is this test's own.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ResultsJourneyBrowserTests(PortalFactory portal)
{
    private const string Project = "03";
    private const string ProjectName = "大数据采集";
    private static readonly (int Width, int Height) Phone = (390, 844);

    private readonly ResultScenario _results = new(portal);

    [Fact]
    public async Task The_centre_imports_scores_publishes_and_issues_and_the_candidates_certificate_downloads_verifies_and_is_collected()
    {
        var holders = await _results.TicketHoldersAsync(Project, "司马相如", "王小明");
        var (sima, wang) = (holders[0], holders[1]);
        var batchId = ResultScenario.Text(await _results.Batch2IdAsync());

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var shot = 0;
        async Task Snap(IPage p, string name) =>
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"results-{++shot:00}-{name}"), FullPage = true });

        // 4/28, after the exam: the exam officer fills in the plan's own template and imports it.
        portal.Clock.SetNow(ResultScenario.ScoreEntryAt);
        var centre = await NewPageAsync(browser, Support.Browser.Desktop);
        await Support.Browser.SignInAsync(centre, ResultScenario.ExamLogin, DemoDataSeeder.Password);
        await centre.GotoAsync($"/Centre/Results?BatchId={batchId}");
        await Assertions.Expect(centre.Locator("#publication-date")).ToContainTextAsync("2026年5月6日");
        var planRow = centre.Locator($"#plan-scores tr[data-plan='{ResultScenario.Text(sima.PlanId)}']");
        await Assertions.Expect(planRow).ToContainTextAsync(ProjectName);
        await planRow.GetByRole(AriaRole.Link, new() { Name = "录入/导入成绩" }).ClickAsync();
        await Assertions.Expect(centre.Locator("h1")).ToContainTextAsync(ProjectName);

        var templateDownload = await centre.RunAndWaitForDownloadAsync(() => centre.Locator("#score-template").ClickAsync());
        var template = await File.ReadAllBytesAsync((await templateDownload.PathAsync())!);
        using var templateStream = new MemoryStream(template);
        var rows = templateStream.Query(useHeaderRow: true, sheetName: ScoreTemplate.SheetName).Cast<IDictionary<string, object?>>()
            .Where(r => holders.Any(h => h.TicketNumber == (string?)r["准考证号"])).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(holders.Single(h => h.TicketNumber == (string?)r["准考证号"]).FullName, (string?)r["姓名"]));
        var filled = ScoreSheets.Build([ScoreSheets.Header, .. rows.Select(r => new object?[] { r["准考证号"], r["姓名"], (string?)r["准考证号"] == sima.TicketNumber ? 88 : 52.5 })]);

        var chooser = await centre.RunAndWaitForFileChooserAsync(() => centre.Locator("#score-import input[type='file']").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "成绩表.xlsx", MimeType = ResultScenario.XlsxType, Buffer = filled });
        await centre.GetByRole(AriaRole.Button, new() { Name = "导入成绩" }).ClickAsync();

        await Assertions.Expect(centre.Locator("#import-outcome")).ToHaveTextAsync("已保存2人的成绩");
        await Assertions.Expect(centre.Locator($"#scores tr[data-ticket='{sima.TicketNumber}']")).ToContainTextAsync("合格");
        await Assertions.Expect(centre.Locator($"#scores tr[data-ticket='{sima.TicketNumber}'] input")).ToHaveValueAsync("88");
        await Assertions.Expect(centre.Locator($"#scores tr[data-ticket='{wang.TicketNumber}']")).ToContainTextAsync("不合格");
        await Assertions.Expect(centre.Locator($"#scores tr[data-ticket='{wang.TicketNumber}'] input")).ToHaveValueAsync("52.5");
        await Snap(centre, "imported");

        // 5/6, publication: anyone sees the list with masked names.
        portal.Clock.SetNow(ResultScenario.PublicationDay);
        var visitor = await NewPageAsync(browser, Phone);
        await visitor.GotoAsync($"/Results?BatchId={batchId}");
        await Assertions.Expect(visitor.Locator("#not-published")).ToHaveCountAsync(0);
        await visitor.Locator("#result-projects a", new() { HasText = ProjectName }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#result-project")).ToHaveTextAsync(ProjectName);
        var simaRow = visitor.Locator("table.results tbody tr", new() { HasText = sima.TicketNumber });
        await Assertions.Expect(simaRow.Locator("td[data-label='姓名']")).ToHaveTextAsync("司马*如");
        await Assertions.Expect(simaRow.Locator("td[data-label='成绩']")).ToHaveTextAsync("88");
        await Assertions.Expect(simaRow.Locator("td[data-label='考核结果']")).ToHaveTextAsync("合格");
        var wangRow = visitor.Locator("table.results tbody tr", new() { HasText = wang.TicketNumber });
        await Assertions.Expect(wangRow.Locator("td[data-label='姓名']")).ToHaveTextAsync("王*明");
        await Assertions.Expect(wangRow.Locator("td[data-label='考核结果']")).ToHaveTextAsync("不合格");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync(sima.FullName);
        await Snap(visitor, "published");

        // 5/12, after the publicity period: the centre issues the certificates.
        portal.Clock.SetNow(ResultScenario.CertificatesDay);
        centre = await NewPageAsync(browser, Support.Browser.Desktop);
        await Support.Browser.SignInAsync(centre, ResultScenario.ExamLogin, DemoDataSeeder.Password);
        await centre.GotoAsync($"/Centre/Certificates?BatchId={batchId}");
        await centre.Locator("#issue-certificates").ClickAsync();
        await Assertions.Expect(centre.Locator(".status-message")).ToContainTextAsync("已核发证书");
        var certificate = (await _results.CertificateAsync(sima.RegistrationId))!;
        Assert.NotNull(certificate);
        Assert.Null(await _results.CertificateAsync(wang.RegistrationId));

        // The candidate, on a phone, downloads it; its QR code opens the verification page.
        var candidate = await NewPageAsync(browser, Phone);
        await Support.Browser.SignInAsync(candidate, sima.Mobile!, Scenario.Password);
        await candidate.GotoAsync($"/Candidate/Registrations/View/{sima.RegistrationId}");
        await Assertions.Expect(candidate.Locator("#own-outcome")).ToHaveTextAsync("合格");
        await Assertions.Expect(candidate.Locator("#certificate-number")).ToHaveTextAsync(certificate.Number);
        await Snap(candidate, "certificate");
        var certificateDownload = await candidate.RunAndWaitForDownloadAsync(() => candidate.Locator("#download-certificate").ClickAsync());
        Assert.Equal($"专项职业能力证书-{certificate.Number}.pdf", certificateDownload.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await certificateDownload.PathAsync())!);
        using var image = AdmissionTicketPdfTests.Render(pdf, 200);
        var link = AdmissionTicketPdfTests.DecodeQr(image);
        Assert.NotNull(link);
        Assert.StartsWith(new Uri(portal.BaseAddress, "/Certificates/Verify/").ToString(), link, StringComparison.Ordinal);

        var phone = await NewPageAsync(browser, Phone);
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator("#verify-result")).ToContainTextAsync("证书真实有效");
        await Assertions.Expect(phone.Locator("#certificate-facts")).ToContainTextAsync(certificate.Number);
        await Assertions.Expect(phone.Locator("#certificate-facts")).ToContainTextAsync(sima.FullName);
        await Assertions.Expect(phone.Locator("#certificate-facts")).ToContainTextAsync(ProjectName);
        await Assertions.Expect(phone.Locator("main")).Not.ToContainTextAsync(sima.IdNumber[^4..]);
        await Snap(phone, "verified");
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone.Width);

        // 6/9, the 30th working day after the exam: the paper certificate is handed over and the ledger says so.
        portal.Clock.SetNow(ResultScenario.CollectionDay);
        centre = await NewPageAsync(browser, Support.Browser.Desktop);
        await Support.Browser.SignInAsync(centre, ResultScenario.ExamLogin, DemoDataSeeder.Password);
        await centre.GotoAsync($"/Centre/Certificates?BatchId={batchId}");
        await centre.GetByLabel("证书编号、姓名或机构").FillAsync(certificate.Number);
        await centre.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(centre.Locator("#collection-from")).ToContainTextAsync("2026年6月9日");
        var ledgerRow = centre.Locator($"#ledger tr[data-certificate='{certificate.Number}']");
        await Assertions.Expect(ledgerRow).ToContainTextAsync(sima.FullName);
        await ledgerRow.GetByPlaceholder("领取人").FillAsync(sima.FullName);
        await ledgerRow.GetByPlaceholder("备注（可选）").FillAsync("本人凭身份证领取");
        await ledgerRow.GetByRole(AriaRole.Button, new() { Name = "登记领取" }).ClickAsync();

        await Assertions.Expect(centre.Locator(".status-message")).ToContainTextAsync($"已登记领取：{sima.FullName}");
        await Assertions.Expect(ledgerRow).ToContainTextAsync($"由 {sima.FullName} 领取，经办 ");
        await Assertions.Expect(ledgerRow).ToContainTextAsync("（本人凭身份证领取）");
        await Assertions.Expect(ledgerRow.Locator("form")).ToHaveCountAsync(0);
        await Snap(centre, "collected");
        var collected = (await _results.CertificateAsync(sima.RegistrationId))!;
        Assert.Equal((sima.FullName, await _results.ExamOfficerIdAsync()), (collected.CollectedBy, collected.HandedOverByUserId));
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
}
