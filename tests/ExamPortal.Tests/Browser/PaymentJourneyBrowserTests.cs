using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 5 in chromium: a candidate on a phone pays through someone else (代缴), finance returns the receipt,
/// the candidate resubmits and finance confirms; an institution pays for its approved applicants with one receipt.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PaymentJourneyBrowserTests(PortalFactory portal)
{
    private const string FinanceLogin = "finance@demo.local";
    private const string Batch2ExamDate = "2026年4月25日";
    private static readonly (int Width, int Height) Phone = (390, 844);

    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_candidate_on_a_phone_pays_through_someone_else_is_returned_resubmits_and_is_confirmed()
    {
        var payee = await _scenario.PayeeAsync();
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedAsync(userId, projectCode: "01");
        var candidateName = (await _scenario.RegistrationAsync(registrationId)).Details!.FullName;
        portal.Clock.SetNow(Scenario.Batch2PaymentOpen);

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var phone = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Phone.Width, Height = Phone.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var page = await phone.NewPageAsync();
        var shot = 0;
        async Task Snap(IPage p, string name) =>
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"payment-{++shot:00}-{name}"), FullPage = true });

        await Support.Browser.SignInAsync(page, mobile, Scenario.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的报名" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "大数据运行平台搭建" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("审核通过");
        await Assertions.Expect(page.Locator("#payment-link")).ToContainTextAsync("待缴费");
        await Snap(page, "approved");
        await page.GetByRole(AriaRole.Link, new() { Name = "去缴费" }).ClickAsync();

        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("待缴费");
        await Assertions.Expect(page.Locator("#payee-account")).ToContainTextAsync(payee.PayeeName);
        await Assertions.Expect(page.Locator("#payee-account")).ToContainTextAsync(payee.AccountNumber);
        await Assertions.Expect(page.Locator("#payee-account")).ToContainTextAsync(payee.BankName);
        await Assertions.Expect(page.Locator("#fee")).ToContainTextAsync("¥100.00");
        await Assertions.Expect(page.Locator("#payment-window")).ToContainTextAsync("2026年4月1日（星期三） 至 2026年4月3日（星期五） 23:59");
        await Assertions.Expect(page.Locator("#proxy-remark")).ToBeHiddenAsync();
        await Snap(page, "payment-form");

        const string payer = "李秀英";
        await page.GetByRole(AriaRole.Radio, new() { Name = "他人代缴" }).CheckAsync();
        await Assertions.Expect(page.Locator("#proxy-remark")).ToBeVisibleAsync();
        await page.GetByLabel("付款人名称").FillAsync(payer);
        await page.GetByLabel("转账金额（元）").FillAsync("100");
        await Assertions.Expect(page.Locator("#proxy-remark-text")).ToHaveTextAsync(
            $"该笔费用由{payer}代{candidateName}缴纳{Batch2ExamDate}考试日期大数据运行平台搭建考试项目的费用，金额为100.00元");
        await page.GetByLabel("转账金额（元）").FillAsync("￥100元");
        await Assertions.Expect(page.Locator("#proxy-remark-text")).ToContainTextAsync("金额为100.00元");
        await page.GetByLabel("转账金额（元）").FillAsync("100.00");

        var receipt = TestFiles.JpegBetween(40_000, 400_000, seed: 51);
        await page.Locator("#receipt").SetInputFilesAsync(new FilePayload { Name = "回单.jpg", MimeType = "image/jpeg", Buffer = receipt });
        await page.GetByLabel("转账日期").FillAsync("2026-04-02");
        var firstSerial = Serial("GR");
        await page.GetByLabel("银行交易流水号").FillAsync(firstSerial);
        await page.GetByLabel("我确认回单已按上述内容备注").CheckAsync();
        await Snap(page, "proxy-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("缴费凭证已提交");
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("待确认");
        await Assertions.Expect(page.Locator("#receipts")).ToContainTextAsync(firstSerial);
        await Assertions.Expect(page.Locator("#receipts")).ToContainTextAsync($"该笔费用由{payer}代{candidateName}");
        await Assertions.Expect(page.Locator("#payment-form")).ToHaveCountAsync(0);
        await Snap(page, "submitted");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone.Width);

        var desk = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Desktop.Width, Height = Support.Browser.Desktop.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var finance = await desk.NewPageAsync();
        await Support.Browser.SignInAsync(finance, FinanceLogin, DemoDataSeeder.Password);
        await OpenFromQueueAsync(finance, firstSerial);
        await Assertions.Expect(finance.Locator("#payment-status")).ToHaveTextAsync("待确认");
        await Assertions.Expect(finance.Locator("#claimed-amount")).ToContainTextAsync("¥100.00（应缴 ¥100.00，1人）");
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync($"{payer}（他人代缴）");
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync(firstSerial);
        await Assertions.Expect(finance.Locator("#paid-registrations")).ToContainTextAsync(candidateName);
        await AssertImageShownAsync(finance.Locator("img.receipt-image"));
        await Snap(finance, "finance-receipt");
        const string reason = "回单上的转账金额看不清，请上传清晰的回单";
        await finance.GetByLabel("退回原因（缴费人将看到）").FillAsync(reason);
        await finance.GetByRole(AriaRole.Button, new() { Name = "退回缴费凭证" }).ClickAsync();
        await Assertions.Expect(finance.Locator("#payment-status")).ToHaveTextAsync("缴费退回");
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync(reason);

        await page.GotoAsync($"/Candidate/Registrations/View/{registrationId}");
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("缴费退回");
        await page.GetByRole(AriaRole.Link, new() { Name = "去缴费" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("缴费退回");
        await Assertions.Expect(page.Locator("#payment-returned")).ToContainTextAsync(reason);
        await Assertions.Expect(page.Locator("#payment-returned")).ToContainTextAsync("2026年4月3日（星期五） 23:59前改正后重新提交");
        await Snap(page, "returned");

        await page.GetByRole(AriaRole.Radio, new() { Name = "他人代缴" }).CheckAsync();
        await page.GetByLabel("付款人名称").FillAsync(payer);
        await page.GetByLabel("转账金额（元）").FillAsync("100.00");
        await Assertions.Expect(page.Locator("#proxy-remark-text")).ToHaveTextAsync(
            $"该笔费用由{payer}代{candidateName}缴纳{Batch2ExamDate}考试日期大数据运行平台搭建考试项目的费用，金额为100.00元");
        await page.Locator("#receipt").SetInputFilesAsync(new FilePayload { Name = "清晰回单.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(40_000, 400_000, seed: 52) });
        await page.GetByLabel("转账日期").FillAsync("2026-04-02");
        var secondSerial = Serial("GS");
        await page.GetByLabel("银行交易流水号").FillAsync(secondSerial);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证" }).ClickAsync();

        // Forgot to confirm the remark: refused, with what was typed and the uploaded receipt kept.
        await Assertions.Expect(page.Locator(".errors")).ToContainTextAsync("勾选确认");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "他人代缴" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("付款人名称")).ToHaveValueAsync(payer);
        await Assertions.Expect(page.GetByLabel("银行交易流水号")).ToHaveValueAsync(secondSerial);
        await Assertions.Expect(page.Locator("#proxy-remark-text")).ToHaveTextAsync(
            $"该笔费用由{payer}代{candidateName}缴纳{Batch2ExamDate}考试日期大数据运行平台搭建考试项目的费用，金额为100.00元");
        await Assertions.Expect(page.Locator("#pending-receipt")).ToContainTextAsync("已上传回单");
        await Snap(page, "remark-not-confirmed");
        await page.GetByLabel("我确认回单已按上述内容备注").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("待确认");
        await Assertions.Expect(page.Locator("#receipts tbody tr")).ToHaveCountAsync(2);
        await Snap(page, "resubmitted");

        await OpenFromQueueAsync(finance, secondSerial);
        await AssertImageShownAsync(finance.Locator("img.receipt-image"));
        await finance.GetByRole(AriaRole.Button, new() { Name = "确认收费" }).ClickAsync();
        await Assertions.Expect(finance.Locator("#payment-status")).ToHaveTextAsync("确认收费");
        await Assertions.Expect(finance.Locator("#paid-registrations")).ToContainTextAsync("确认收费");
        await Snap(finance, "finance-confirmed");

        await page.GotoAsync($"/Candidate/Registrations/View/{registrationId}");
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("确认收费");
        await Assertions.Expect(page.Locator("#locked-notice")).ToContainTextAsync(Registration.LockedAfterPayment);
        await Assertions.Expect(page.Locator("#locked-notice")).ToContainTextAsync("四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看缴费" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("确认收费");
        await Assertions.Expect(page.Locator("#payment-confirmed")).ToContainTextAsync("四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改");
        await Snap(page, "confirmed");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Phone.Width);

        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(registrationId)).Status);
    }

    [Fact]
    public async Task An_institution_pays_for_its_approved_applicants_is_told_a_wrong_total_and_finance_confirms()
    {
        await _scenario.PayeeAsync();
        const string email = "pay@chengdu-jishi.example";
        const string creditCode = "91510104MA6CPAYW1X";
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync(creditCode, email);
        string[] names = ["周一鸣", "吴二娟", "郑三川"];
        var ids = await _scenario.InstitutionApprovedAsync(staffId, institutionId, names);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2PaymentOpen);

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Desktop.Width, Height = Support.Browser.Desktop.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        var shot = 0;
        async Task Snap(IPage p, string name) =>
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"institution-payment-{++shot:00}-{name}"), FullPage = true });

        await Support.Browser.SignInAsync(page, email, Scenario.Password);
        await page.GotoAsync("/Institution/Payments");
        await page.Locator("#batch").SelectOptionAsync(batchId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payment-window")).ToContainTextAsync("2026年4月1日（星期三） 至 2026年4月3日（星期五） 23:59");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待缴费考生（3 人）" })).ToBeVisibleAsync();
        foreach (var name in names)
        {
            await Assertions.Expect(page.GetByLabel($"选择{name}")).ToBeCheckedAsync();
            await Assertions.Expect(page.Locator("#payable tr", new() { HasText = name })).ToContainTextAsync("待缴费");
        }

        await Assertions.Expect(page.Locator("#selected-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#selected-total")).ToHaveTextAsync("¥300.00");
        await page.GetByLabel($"选择{names[1]}").UncheckAsync();
        await Assertions.Expect(page.Locator("#selected-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#selected-total")).ToHaveTextAsync("¥200.00");
        await page.GetByLabel($"选择{names[1]}").CheckAsync();
        await Assertions.Expect(page.Locator("#selected-total")).ToHaveTextAsync("¥300.00");
        await Snap(page, "payable");

        const string payer = "成都测试职业技能培训学校";
        var serial = Serial("JG");
        await page.Locator("#receipt").SetInputFilesAsync(new FilePayload { Name = "对公转账回单.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(40_000, 400_000, seed: 61) });
        await page.GetByLabel("付款人名称（对公账户名称）").FillAsync(payer);
        await page.GetByLabel("转账金额（元）").FillAsync("200.00");
        await page.GetByLabel("转账日期").FillAsync("2026-04-02");
        await page.GetByLabel("银行交易流水号").FillAsync(serial);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证并标注为“已缴费”" }).ClickAsync();

        var errors = page.Locator(".errors");
        await Assertions.Expect(errors).ToContainTextAsync("¥200.00");
        await Assertions.Expect(errors).ToContainTextAsync("¥300.00");
        await Assertions.Expect(errors).ToContainTextAsync("3人应缴合计");
        await Assertions.Expect(page.GetByLabel("付款人名称（对公账户名称）")).ToHaveValueAsync(payer);
        await Assertions.Expect(page.GetByLabel("转账金额（元）")).ToHaveValueAsync("200.00");
        await Assertions.Expect(page.GetByLabel("转账日期")).ToHaveValueAsync("2026-04-02");
        await Assertions.Expect(page.GetByLabel("银行交易流水号")).ToHaveValueAsync(serial);
        await Assertions.Expect(page.Locator("#pending-receipt")).ToContainTextAsync("已上传回单");
        await Assertions.Expect(page.Locator("input[name='Input.PendingReceiptId']")).Not.ToHaveValueAsync(string.Empty);
        foreach (var name in names)
        {
            await Assertions.Expect(page.GetByLabel($"选择{name}")).ToBeCheckedAsync();
        }

        await Assertions.Expect(page.Locator("#selected-total")).ToHaveTextAsync("¥300.00");
        await Snap(page, "wrong-amount");

        await page.GetByLabel("转账金额（元）").FillAsync("300.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证并标注为“已缴费”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("缴费凭证已提交（3人）");
        await Assertions.Expect(page.Locator("#nothing-to-pay")).ToBeVisibleAsync();
        var history = page.Locator("#institution-payments tr", new() { HasText = serial });
        await Assertions.Expect(history).ToContainTextAsync("已缴费，待确认");
        await Assertions.Expect(history).ToContainTextAsync("¥300.00");
        await Snap(page, "submitted");

        await page.GotoAsync("/Institution/Applicants");
        foreach (var name in names)
        {
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync("待确认");
        }

        var finance = await (await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Desktop.Width, Height = Support.Browser.Desktop.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        })).NewPageAsync();
        await Support.Browser.SignInAsync(finance, FinanceLogin, DemoDataSeeder.Password);
        await OpenFromQueueAsync(finance, serial);
        await Assertions.Expect(finance.Locator("#claimed-amount")).ToContainTextAsync("¥300.00（应缴 ¥300.00，3人）");
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync($"机构报名：测试机构{creditCode[^4..]}");
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync($"考核日期：{Batch2ExamDate}；人数：3人");
        await Assertions.Expect(finance.Locator("#paid-registrations tbody tr")).ToHaveCountAsync(3);
        await AssertImageShownAsync(finance.Locator("img.receipt-image"));
        await Snap(finance, "finance-receipt");
        await finance.GetByRole(AriaRole.Button, new() { Name = "确认收费" }).ClickAsync();
        await Assertions.Expect(finance.Locator("#payment-status")).ToHaveTextAsync("确认收费");

        await page.GotoAsync($"/Institution/Payments?BatchId={batchId}");
        await Assertions.Expect(page.Locator("#institution-payments tr", new() { HasText = serial })).ToContainTextAsync("确认收费");
        await page.GotoAsync("/Institution/Applicants");
        foreach (var name in names)
        {
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync("确认收费");
        }

        await Snap(page, "confirmed");
        foreach (var id in ids)
        {
            Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(id)).Status);
        }
    }

    /// <summary>
    /// Finance's queue of receipts awaiting confirmation, opened at the one with this serial: oldest first, so
    /// receipts other tests left waiting may push it to a later page, reached as finance would, by 下一页.
    /// </summary>
    private static async Task OpenFromQueueAsync(IPage finance, string serial)
    {
        await finance.GotoAsync("/Centre/Payments");
        await Assertions.Expect(finance.Locator("#payment-queue")).ToBeVisibleAsync();
        var row = finance.Locator("#payment-queue tbody tr", new() { HasText = serial });
        var next = finance.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "下一页" });
        for (var pageNumber = 2; await row.CountAsync() == 0 && await next.CountAsync() > 0; pageNumber++)
        {
            await next.ClickAsync();
            await Assertions.Expect(finance.Locator(".pager")).ToContainTextAsync($"第 {pageNumber} /");
        }

        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(finance.Locator("#payment-claim")).ToContainTextAsync(serial);
    }

    /// <summary>The receipt is really shown: the image loaded and decoded, not a broken-image icon.</summary>
    private static async Task AssertImageShownAsync(ILocator image)
    {
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The receipt image did not load");
    }

    private static string Serial(string prefix) => prefix + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
}
