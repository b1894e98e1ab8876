using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>A candidate on a phone registers, a reviewer returns it, the candidate fixes it, the reviewer approves.</summary>
[Collection(SharedPortal.Name)]
public sealed class RegistrationJourneyBrowserTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_candidate_on_a_phone_registers_and_a_reviewer_returns_then_approves()
    {
        // Earlier on opening day than the other tests' registrations, so 孙七 heads the oldest-first review queue.
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen.AddHours(-2));
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var phone = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Phone.Width, Height = Support.Browser.Phone.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var page = await phone.NewPageAsync();
        var shot = 0;
        async Task Snap(string name) =>
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"registration-{++shot:00}-{name}"), FullPage = true });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "考生注册" }).First.ClickAsync();
        await page.GetByLabel("姓名").FillAsync("孙七");
        await page.GetByLabel("证件号码").FillAsync(IdNumbers.Resident("510108", new DateOnly(1998, 8, 8), 555).ToLowerInvariant());
        await page.GetByLabel("手机号码").FillAsync("13666660001");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Scenario.Password);
        await page.GetByLabel("确认密码").FillAsync(Scenario.Password);
        await Snap("sign-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("注册成功");

        await page.GetByRole(AriaRole.Link, new() { Name = "新的报名" }).First.ClickAsync();
        await Snap("choose-plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "报名 大数据采集" }).ClickAsync();
        await page.GetByLabel("文化程度").SelectOptionAsync(new SelectOptionValue { Label = "大学专科" });
        await page.GetByLabel("本人具有计算机操作能力").CheckAsync();
        await page.GetByLabel("通讯地址").FillAsync("成都市锦江区红星路一段1号");
        await page.GetByLabel("毕业院校（在读学校）").FillAsync("成都职业技术学院");
        await Snap("details");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存，下一步" }).ClickAsync();

        var phonePhoto = TestFiles.Jpeg(3000, 4000, 95);
        Assert.InRange(phonePhoto.Length, 2 * 1024 * 1024, 10 * 1024 * 1024);
        await page.GetByLabel("选择照片").SetInputFilesAsync(new FilePayload { Name = "IMG_20260310.jpg", MimeType = "image/jpeg", Buffer = phonePhoto });
        await Assertions.Expect(page.Locator("[data-size-for=upload]")).ToContainTextAsync("MB");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fit-offer")).ToContainTextAsync("295×413");
        await Snap("photo-fitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "采用这张照片" }).ClickAsync();

        await page.Locator("#proof-GraduationCertificate").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存证明类型" }).ClickAsync();
        var seed = 20;
        foreach (var slot in DocumentSlots.Scans)
        {
            await page.Locator($"#upload-{slot}").SetInputFilesAsync(new FilePayload { Name = $"{slot}.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(215_000, 295_000, ++seed) });
            await page.Locator($"#scan-{slot} button").ClickAsync();
            await Assertions.Expect(page.Locator($"#slot-{slot} .badge")).ToHaveTextAsync("已上传");
        }

        await Snap("scans");
        await page.GetByRole(AriaRole.Link, new() { Name = "下一步：诚信承诺" }).ClickAsync();
        await page.GetByLabel("本人已阅读并作出以上承诺").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认承诺，下一步" }).ClickAsync();
        await Snap("summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报名" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("待审核");
        var id = Guid.Parse(page.Url.Split('/')[^1]);

        var desk = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Desktop.Width, Height = Support.Browser.Desktop.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var reviewer = await desk.NewPageAsync();
        await Support.Browser.SignInAsync(reviewer, "reviewer@demo.local", Web.Data.Seed.DemoDataSeeder.Password);
        await reviewer.GotoAsync("/Centre/Reviews");
        await reviewer.GetByLabel("考核项目").SelectOptionAsync(new SelectOptionValue { Label = "03 大数据采集" });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "孙七" }).ClickAsync();
        await reviewer.GetByLabel("退回原因（考生可见）").FillAsync("学历证明不清晰，请重新扫描");
        await reviewer.GetByLabel("学历或学籍证明").CheckAsync();
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("registration-review-desktop"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#registration-status")).ToHaveTextAsync("退回修改");

        await page.GotoAsync("/Candidate/Messages");
        await Assertions.Expect(page.Locator(".messages")).ToContainTextAsync("学历证明不清晰");
        await Snap("returned-message");
        await page.GotoAsync($"/Candidate/Registrations/Scans/{id}");
        await page.Locator("#upload-EducationProof").SetInputFilesAsync(new FilePayload { Name = "proof.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(215_000, 295_000, 99) });
        await page.Locator("#scan-EducationProof button").ClickAsync();
        await page.GotoAsync($"/Candidate/Registrations/Summary/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("待审核");

        await reviewer.ReloadAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#registration-status")).ToHaveTextAsync("审核通过");
        await page.GotoAsync($"/Candidate/Registrations/View/{id}");
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("审核通过");
        await Snap("approved");

        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(id)).Status);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= Support.Browser.Phone.Width);
    }
}
