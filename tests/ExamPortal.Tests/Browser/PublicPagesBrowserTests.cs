using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

[Collection(SharedPortal.Name)]
public sealed class PublicPagesBrowserTests(PortalFactory portal)
{
    public static TheoryData<int, int> Viewports => new()
    {
        { Support.Browser.Phone.Width, Support.Browser.Phone.Height },
        { Support.Browser.Desktop.Width, Support.Browser.Desktop.Height },
    };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Home_and_schedule_read_well_on_a_phone_and_a_desktop(int width, int height)
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });

        await page.GotoAsync(new Uri(portal.BaseAddress, "/").ToString());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("专项职业能力省直统一考核");
        await Assertions.Expect(page.Locator(".clock-banner")).ToContainTextAsync("2026年3月10日");
        Assert.True(await FitsWidthAsync(page, width), $"the home page scrolls sideways at {width}px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"home-{width}x{height}-top") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"home-{width}x{height}"), FullPage = true });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "考核日程" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("tbody tr.row-active").First).ToContainTextAsync("第1批");
        await Assertions.Expect(page.Locator("tbody tr").Nth(1).Locator("[data-phase]")).ToHaveTextAsync("报名中");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("2026年12月5日");
        Assert.True(await FitsWidthAsync(page, width), $"the schedule scrolls sideways at {width}px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"schedule-{width}x{height}-top") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"schedule-{width}x{height}"), FullPage = true });
    }

    private static async Task<bool> FitsWidthAsync(IPage page, int width) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width;
}
