using System.Globalization;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 9 in chromium: a CentreAdmin opens batch 2's dashboard from the centre home; its counts match the batch's
/// registrations in the database, and a count leads to the queue filtered to exactly those registrations.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class DashboardBrowserTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_centre_admin_opens_a_batch_dashboard_from_the_centre_home_and_a_count_leads_to_its_queue()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, _, _) = await _scenario.CandidateAsync();
        await _scenario.SubmittedAsync(userId, 2, "05");
        portal.Clock.SetNow(Scenario.Batch2Review);
        var batchId = await _scenario.BatchIdAsync(2);

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        foreach (var (name, size) in new[] { ("desktop", Support.Browser.Desktop), ("phone", Support.Browser.Phone) })
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
                Locale = "zh-CN",
                BaseURL = portal.BaseAddress.ToString(),
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("手机号码或邮箱").FillAsync(SignedIn.LoginOf(Role.CentreAdmin));
            await page.GetByLabel("密码").FillAsync(DemoDataSeeder.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

            await page.GotoAsync("/Centre?year=2026");
            await page.Locator($"#dashboard-{batchId}").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2026年第2批");
            await Assertions.Expect(page.Locator("#chart-days svg[role='img']")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"dashboard-{name}"), FullPage = true });

            // Counted now, as the page was drawn (the clock and this collection's other tests stand still meanwhile).
            var byStatus = await QueryAsync(db => db.Registrations.Where(r => r.BatchId == batchId).GroupBy(r => r.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
            foreach (var status in new[] { RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Approved, RegistrationStatus.PaymentConfirmed })
            {
                await Assertions.Expect(page.Locator($"#state-{status} .dash-count"))
                    .ToHaveTextAsync(byStatus.GetValueOrDefault(status).ToString(CultureInfo.InvariantCulture));
            }

            var submitted = byStatus[RegistrationStatus.Submitted];
            Assert.True(submitted >= 1);
            await page.Locator($"#state-{RegistrationStatus.Submitted} a").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("报名审核");
            await Assertions.Expect(page.Locator("#queue-total")).ToContainTextAsync($"共 {submitted} 条");
            await Assertions.Expect(page.Locator("#status")).ToHaveValueAsync(nameof(RegistrationStatus.Submitted));
            await Assertions.Expect(page.Locator("#batch")).ToHaveValueAsync(batchId.ToString(CultureInfo.InvariantCulture));
            await context.CloseAsync();
        }
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
