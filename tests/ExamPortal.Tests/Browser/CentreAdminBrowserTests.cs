using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Issue 9 in chromium: a CentreAdmin enters the 2027 holiday calendar and 2027's first batch with its plans, and
/// finds the batch in the admin list and on the public schedule. Year 2027 is this test's alone.
/// 1 January 2027 is a Friday and 春节 falls on Saturday 6 February.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class CentreAdminBrowserTests(PortalFactory portal)
{
    [Fact]
    public async Task A_centre_admin_enters_the_2027_calendar_and_its_first_batch_with_plans()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, ChinaTime.Offset));
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
        async Task Snap(string name) =>
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"centre-admin-{++shot:00}-{name}"), FullPage = true });

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("手机号码或邮箱").FillAsync(SignedIn.LoginOf(Role.CentreAdmin));
        await page.GetByLabel("密码").FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        // The read-only calendar says 2027 is missing and leads the administrator to enter it.
        await page.GotoAsync("/Centre/Calendar?year=2027");
        await Assertions.Expect(page.Locator(".notice-warn")).ToContainTextAsync("2027年的工作日历尚未录入");
        await page.Locator("#calendar-admin-link").ClickAsync();
        await page.Locator("#Year").FillAsync("2027");
        await page.Locator("#Source").FillAsync("国务院办公厅关于2027年部分节假日安排的通知");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入该年度" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("2027年节假日日历");

        await AddHolidaysAsync(page, "2027-01-01", null, "元旦放假");
        await AddHolidaysAsync(page, "2027-02-06", "2027-02-12", "春节放假");
        await page.Locator("#MakeUpDate").FillAsync("2027-02-15");
        await page.Locator("#MakeUpNote").FillAsync("春节调休上班");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入调休上班" }).ClickAsync();
        await Assertions.Expect(page.Locator("#MakeUpDate-error")).ToContainTextAsync("不是周六或周日");
        await Assertions.Expect(page.Locator("#MakeUpNote")).ToHaveValueAsync("春节调休上班");
        await page.Locator("#MakeUpDate").FillAsync("2027-02-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "录入调休上班" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("已录入调休上班日");
        await Assertions.Expect(page.Locator("#calendar-days tbody tr")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("#calendar-days")).ToContainTextAsync("2027年2月20日");
        await Snap("calendar-2027");

        // 2027's first batch, laid out like 2026's batch 1: working-day windows, the exam on a Saturday.
        await page.GotoAsync("/Centre/Admin/Batches");
        await page.Locator("#new-batch").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Year")).ToHaveValueAsync("2027");
        await Assertions.Expect(page.Locator("#Input_Number")).ToHaveValueAsync("1");
        await page.GetByLabel("报名开始日期").FillAsync("2027-02-01");
        await page.GetByLabel("报名结束日期").FillAsync("2027-02-05");
        await page.GetByLabel("审核开始日期").FillAsync("2027-02-15");
        await page.GetByLabel("审核结束日期").FillAsync("2027-02-26");
        await page.GetByLabel("缴费开始日期").FillAsync("2027-03-01");
        await page.GetByLabel("缴费结束日期").FillAsync("2027-03-03");
        await page.GetByLabel("打印准考证开始日期").FillAsync("2027-03-15");
        await page.GetByLabel("打印准考证结束日期").FillAsync("2027-03-19");
        await page.Locator("#Input_ExamDate").FillAsync("2027-03-19");
        await page.GetByLabel("开考：22 碳资产评估").UncheckAsync();
        await page.GetByLabel("开始时间：01 大数据运行平台搭建").FillAsync("14:00");
        await page.GetByLabel("结束时间：01 大数据运行平台搭建").FillAsync("16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存批次" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Input_ExamDate-error")).ToContainTextAsync("应晚于打印准考证结束日期（2027年3月19日）");
        await Assertions.Expect(page.GetByLabel("审核开始日期")).ToHaveValueAsync("2027-02-15");
        await Assertions.Expect(page.GetByLabel("开考：22 碳资产评估")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("开始时间：01 大数据运行平台搭建")).ToHaveValueAsync("14:00");
        await Snap("batch-refused");
        await page.Locator("#Input_ExamDate").FillAsync("2027-03-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存批次" }).ClickAsync();

        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("批次已保存");
        var row = page.Locator("#batches tbody tr", new() { HasText = "2027年第1批" });
        await Assertions.Expect(row).ToContainTextAsync("2月1日—2月5日");
        await Assertions.Expect(row).ToContainTextAsync("2027年3月20日");
        await Assertions.Expect(row).ToContainTextAsync("21 个");
        await Snap("batch-list");

        await page.GotoAsync("/Schedule?year=2027");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2027年");
        var scheduled = page.Locator("tbody tr", new() { HasText = "第1批" });
        await Assertions.Expect(scheduled).ToContainTextAsync("2月15日—2月26日");
        await Assertions.Expect(scheduled).ToContainTextAsync("2027年3月20日");
        await Assertions.Expect(scheduled).ToContainTextAsync("未开始报名");
        await Snap("public-schedule-2027");
    }

    private static async Task AddHolidaysAsync(IPage page, string from, string? to, string note)
    {
        await page.Locator("#HolidayFrom").FillAsync(from);
        if (to is not null)
        {
            await page.Locator("#HolidayTo").FillAsync(to);
        }

        await page.Locator("#HolidayNote").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "录入放假" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("已录入放假日期");
    }
}
