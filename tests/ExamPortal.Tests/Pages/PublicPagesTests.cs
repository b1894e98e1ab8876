using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;

namespace ExamPortal.Tests.Pages;

[Collection(SharedPortal.Name)]
public sealed class PublicPagesTests(PortalFactory portal)
{
    private static readonly string[] ProjectNames =
    [
        "大数据运行平台搭建", "商业数据分析", "大数据采集", "大数据清洗", "大数据分析", "大数据应用开发",
        "分布式数据库管理", "人工智能图像识别", "人工智能文本分析", "人工智能语音识别", "私域流量运营",
        "在线学习运营", "在线学习指导", "工程建设领域劳资管理", "碳会计处理", "旅行线路定制", "碳排放交易",
        "碳资产管理", "心理健康指导", "儿童青少年生殖健康教育咨询服务", "碳排放核算", "碳资产评估",
    ];

    private static readonly string[] ExamDates =
    [
        "2026年3月28日", "2026年4月25日", "2026年5月23日", "2026年6月13日", "2026年7月11日",
        "2026年8月8日", "2026年9月19日", "2026年10月24日", "2026年11月7日", "2026年12月5日",
    ];

    [Fact]
    public async Task Home_links_to_the_catalogue_listing_all_22_projects_in_order()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var client = portal.CreateBrowserlessClient();
        var home = await client.GetDocumentAsync("/");
        var catalogueLink = home.QuerySelectorAll("a").First(a => a.TextContent.Contains("考核项目", StringComparison.Ordinal)).GetAttribute("href")!;

        var catalogue = await client.GetDocumentAsync(catalogueLink);

        var names = catalogue.QuerySelectorAll("a.project-name").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(ProjectNames, names);
    }

    [Fact]
    public async Task Home_links_to_the_schedule_listing_all_10_exam_dates()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var client = portal.CreateBrowserlessClient();
        var home = await client.GetDocumentAsync("/");
        var scheduleLink = home.QuerySelectorAll("a").First(a => a.TextContent.Contains("考核日程", StringComparison.Ordinal)).GetAttribute("href")!;

        var schedule = await client.GetDocumentAsync(scheduleLink);

        var text = schedule.Body!.TextContent;
        Assert.All(ExamDates, date => Assert.Contains(date, text, StringComparison.Ordinal));
        Assert.Equal(10, schedule.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [InlineData("2026-03-10T10:00", 1, "Payment", "缴费中")]
    [InlineData("2026-03-10T10:00", 2, "Registration", "报名中")]
    [InlineData("2026-11-25T10:00", 10, "AwaitingTicketPrinting", "待打印准考证")]
    [InlineData("2026-11-25T10:00", 9, "Examined", "已考试")]
    public async Task Schedule_highlights_each_batch_phase_as_of_today(string now, int batch, string phase, string label)
    {
        portal.Clock.SetNow(Web.Infrastructure.Clock.PortalClock.ParseSetting(now));
        var schedule = await portal.CreateBrowserlessClient().GetDocumentAsync("/Schedule");

        var row = schedule.QuerySelectorAll("tbody tr")[batch - 1];
        var badge = row.QuerySelector("[data-phase]")!;
        Assert.Equal(phase, badge.GetAttribute("data-phase"));
        Assert.Equal(label, badge.TextContent.Trim());
        Assert.Equal(phase != "Examined", row.ClassList.Contains("row-active"));
    }

    [Fact]
    public async Task Home_says_what_is_open_today()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var home = await portal.CreateBrowserlessClient().GetDocumentAsync("/");

        var today = home.QuerySelector("#today-heading")!.ParentElement!.TextContent;
        Assert.Contains("2026年第2批", today, StringComparison.Ordinal);
        Assert.Contains("3月9日—3月16日", today, StringComparison.Ordinal);
        Assert.Contains("演示时钟", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_details_show_the_structured_rule_and_the_fee()
    {
        var page = await portal.CreateBrowserlessClient().GetDocumentAsync("/Catalogue/Details/19");

        var text = page.Body!.TextContent;
        Assert.Contains("心理健康指导", text, StringComparison.Ordinal);
        Assert.Contains("心理学类（0402）", text, StringComparison.Ordinal);
        Assert.Contains("养老护理员", text, StringComparison.Ordinal);
        Assert.Contains("¥100.00（暂定）", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announcement_and_contacts_are_published_in_full()
    {
        var client = portal.CreateBrowserlessClient();
        var announcement = (await client.GetDocumentAsync("/Announcement")).Body!.TextContent;
        var contact = (await client.GetDocumentAsync("/Contact")).Body!.TextContent;

        Assert.Contains("报名人数不足10人时，原则上不予组织考核", announcement, StringComparison.Ordinal);
        Assert.DoesNotContain("[bookmark", announcement, StringComparison.Ordinal);
        Assert.Contains("028-86156861", contact, StringComparison.Ordinal);
        Assert.Contains("028-86136211", contact, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Announcement")]
    [InlineData("/Catalogue")]
    [InlineData("/Catalogue/Details/01")]
    [InlineData("/Schedule")]
    [InlineData("/Contact")]
    [InlineData("/Account/SignIn")]
    [InlineData("/Account/SignUp")]
    [InlineData("/Centre/Calendar")]
    public async Task Every_field_has_a_label_and_every_asset_is_local(string url)
    {
        var client = url.StartsWith("/Centre", StringComparison.Ordinal) ? await portal.AsAsync(Role.CentreAdmin) : portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync(url);

        foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var id = field.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"{url}: a field named {field.GetAttribute("name")} has no id for its label");
            Assert.NotNull(page.QuerySelector($"label[for='{id}']"));
        }

        var assets = page.QuerySelectorAll("link[href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
        Assert.All(assets, asset => Assert.StartsWith("/", asset, StringComparison.Ordinal));
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Unknown_pages_answer_404_in_Chinese_without_internals()
    {
        var response = await portal.CreateBrowserlessClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await portal.CreateBrowserlessClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_css_is_served_locally()
    {
        var home = await portal.CreateBrowserlessClient().GetDocumentAsync("/");
        var css = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await portal.CreateBrowserlessClient().GetAsync(css);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("table.stack", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
