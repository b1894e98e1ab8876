using System.Text.RegularExpressions;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 8 in chromium: a candidate on a phone binds an e-mail with the code mailed to it, later forgets the password
/// and sets a new one with a code from that mailbox — every code read from mail really sent over SMTP.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed partial class AccountJourneyBrowserTests(PortalFactory portal)
{
    private static readonly DateTimeOffset Evening = new(2026, 6, 2, 18, 0, 0, ChinaTime.Offset);
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_candidate_binds_an_email_then_recovers_a_forgotten_password_with_the_code_mailed_to_it()
    {
        portal.Clock.SetNow(Evening);
        var (userId, mobile, idNumber) = await _scenario.CandidateAsync();
        var name = await NameAsync(userId);
        var email = $"b{Guid.NewGuid():N}"[..12] + "@example.com";
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("手机号码或邮箱").FillAsync(mobile);
        await page.GetByLabel("密码").FillAsync(Scenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "账户" }).ClickAsync();
        await page.GetByLabel("新邮箱").FillAsync(email);
        await page.Locator("#email-form").GetByRole(AriaRole.Button, new() { Name = "发送验证码" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-sent")).ToContainTextAsync("验证码已发送到新邮箱");
        await page.GetByLabel("验证码").FillAsync(await MailedCodeAsync(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认绑定邮箱" }).ClickAsync();
        await Assertions.Expect(page.Locator("#current-email")).ToContainTextAsync("（已验证）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("account-01-email-bound"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        portal.Clock.SetNow(Evening.AddMinutes(5));
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "忘记密码" }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("证件号码").FillAsync(idNumber);
        await page.GetByLabel("注册时的手机号码").FillAsync(mobile);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recover-outcome")).ToContainTextAsync("如果填写的信息与账户一致");
        await page.GetByLabel("验证码").FillAsync(await MailedCodeAsync(email));
        await page.GetByLabel("新密码").FillAsync("Zhaohui#2026");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("account-02-recover"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "设置新密码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("密码已重置");

        await page.GetByLabel("手机号码或邮箱").FillAsync(mobile);
        await page.GetByLabel("密码").FillAsync("Zhaohui#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    private async Task<string> MailedCodeAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunOnceAsync(CancellationToken.None);
        return SixDigits().Match(portal.Services.GetRequiredService<CapturedMail>().To(email)[^1].TextBody).Value;
    }

    private async Task<string> NameAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync();
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
