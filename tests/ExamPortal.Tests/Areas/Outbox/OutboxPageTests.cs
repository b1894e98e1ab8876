using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Features.Outbox;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Outbox;

/// <summary>发送记录 (/Centre/Admin/Outbox): CentreAdmin only, recipients masked, filters, 50 a page newest first.</summary>
[Collection(OutboxPortal.Name)]
public sealed class OutboxPageTests(OutboxPortalFactory portal)
{
    private const string Page = "/Centre/Admin/Outbox";

    [Fact]
    public async Task The_administrator_sees_recipients_masked_and_never_in_full()
    {
        await NewestFromNowAsync();
        var address = $"wangwu.{Guid.NewGuid():N}@example.com";
        var mail = await portal.QueueEmailAsync(address, "脱敏显示测试", "收件人在列表中脱敏显示。");
        var text = await QueueSmsAsync("13912345678", "短信收件人脱敏显示。");
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var response = await admin.GetAsync(Page);
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlForms.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("w***@example.com", Cell(Row(page, mail), "收件人"));
        Assert.Equal("脱敏显示测试", Cell(Row(page, mail), "主题"));
        Assert.Equal("邮件", Cell(Row(page, mail), "方式"));
        Assert.Equal("待发送", Cell(Row(page, mail), "状态"));
        Assert.Equal("139****5678", Cell(Row(page, text), "收件人"));
        Assert.DoesNotContain(address, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("13912345678", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_status_and_channel_and_pages_fifty_at_a_time_newest_first()
    {
        await NewestFromNowAsync();
        var text = await QueueSmsAsync("13912340000", "筛选测试短信。");
        var ids = new List<Guid>();
        for (var i = 0; i < 51; i++)
        {
            ids.Add(await portal.QueueEmailAsync($"fenye{i}.{Guid.NewGuid():N}@example.com", $"分页测试{i}", "分页测试邮件。"));
        }

        var admin = await portal.AsAsync(Role.CentreAdmin);
        var first = await admin.GetDocumentAsync($"{Page}?Status=Pending&Channel=Email");
        var second = await admin.GetDocumentAsync($"{Page}?Status=Pending&Channel=Email&page=2");
        var sms = await admin.GetDocumentAsync($"{Page}?Status=Pending&Channel=Sms");
        var sent = await admin.GetDocumentAsync($"{Page}?Status=Sent");

        var rows = Rows(first);
        Assert.Equal(50, rows.Count);
        Assert.Equal(ids[^1].ToString(), rows[0].GetAttribute("data-id"));
        Assert.Equal(ids[1].ToString(), rows[^1].GetAttribute("data-id"));
        Assert.Equal(ids[0].ToString(), Rows(second)[0].GetAttribute("data-id"));
        Assert.Contains("第 1 /", first.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(("邮件", "待发送"), (Cell(r, "方式"), Cell(r, "状态"))));
        Assert.All(Rows(sms), r => Assert.Equal("短信", Cell(r, "方式")));
        Assert.Contains(Rows(sms), r => r.GetAttribute("data-id") == text.ToString());
        Assert.DoesNotContain(Rows(sent), r => ids.Contains(Guid.Parse(r.GetAttribute("data-id")!)));
        Assert.All(Rows(sent), r => Assert.Equal("已发送", Cell(r, "状态")));
    }

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public async Task Every_other_role_is_refused(Role role)
    {
        var client = await portal.AsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Page}/Captured")).StatusCode);
    }

    [Fact]
    public async Task In_testing_the_administrator_reads_the_captured_mail_and_texts()
    {
        var address = $"kaifa.{Guid.NewGuid():N}@example.com";
        await portal.QueueEmailAsync(address, "开发环境收件箱测试", "这封邮件由捕获端收下。");
        await QueueSmsAsync("13912349999", "这条短信由捕获接口收下。");
        await portal.DeliverAsync();
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var page = await admin.GetDocumentAsync($"{Page}/Captured");

        Assert.Contains("开发环境收件箱测试", page.QuerySelector("#captured-mail")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("这封邮件由捕获端收下。", page.QuerySelector("#captured-mail")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("这条短信由捕获接口收下。", page.QuerySelector("#captured-sms")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await admin.GetDocumentAsync(Page)).QuerySelector("#capture-note"));
    }

    /// <summary>Moves the clock past every row other tests queued, so what this test queues is what the list shows first.</summary>
    private async Task NewestFromNowAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var newest = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.MaxAsync(m => (DateTimeOffset?)m.CreatedAt);
        var start = new DateTimeOffset(2026, 7, 1, 10, 0, 0, ChinaTime.Offset);
        portal.Clock.SetNow(newest is { } latest && latest >= start ? latest.AddHours(1) : start);
    }

    private async Task<Guid> QueueSmsAsync(string mobile, string text)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        scope.ServiceProvider.GetRequiredService<ExamPortal.Web.Features.Outbox.Outbox>().Sms(mobile, text);
        var id = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
        await db.SaveChangesAsync();
        return id;
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("#outbox-messages tbody tr")];

    private static IElement Row(IDocument page, Guid id) =>
        page.QuerySelector($"#outbox-messages tr[data-id='{id}']") ?? throw new InvalidOperationException($"no row {id}");

    private static string Cell(IElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
