using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Features.Outbox;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Outbox;

/// <summary>重新发送: a message given up after eight failed attempts goes back to the queue, due now, from the admin page.</summary>
[Collection(SmtpDownPortal.Name)]
public sealed class OutboxRequeueTests(SmtpDownPortalFactory portal)
{
    [Fact]
    public async Task The_administrator_requeues_a_failed_message_once_and_it_is_tried_again()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 6, 1, 9, 0, 0, ChinaTime.Offset));
        var id = await portal.QueueEmailAsync($"chongfa.{Guid.NewGuid():N}@example.com", "重新发送测试", "发送失败后由管理员重新发送。");
        for (var attempt = 0; attempt < SmtpDownPortalFactory.MaxAttempts; attempt++)
        {
            await portal.DeliverAsync();
            portal.Clock.SetNow(portal.Clock.GetUtcNow().AddHours(2));
        }

        Assert.Equal(OutboxStatus.Failed, (await portal.OutboxRowAsync(id)).Status);
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var page = await admin.GetDocumentAsync("/Centre/Admin/Outbox?Status=Failed");
        var form = page.QuerySelector<IHtmlFormElement>($"tr[data-id='{id}'] form.requeue-form")!;
        Assert.Contains("发送失败", page.QuerySelector($"tr[data-id='{id}']")!.TextContent, StringComparison.Ordinal);

        var requeued = await admin.SubmitAsync(page, form, new Dictionary<string, string>());
        var location = await requeued.RedirectedToAsync();
        var again = await admin.SubmitAsync(page, form, new Dictionary<string, string>());
        var afterAgain = await admin.GetDocumentAsync(await again.RedirectedToAsync());

        var row = await portal.OutboxRowAsync(id);
        Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
        Assert.Equal(portal.Clock.GetUtcNow(), row.NextAttemptAt, TimeSpan.FromMinutes(1));
        Assert.Contains("Status=Failed", location, StringComparison.Ordinal);
        Assert.Contains("只有发送失败的消息可以重新发送", afterAgain.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditTrail.OutboxRequeued && a.Subject == id.ToString()).ToListAsync();
            Assert.Equal(Role.CentreAdmin.ToString(), Assert.Single(audit).ActorRole);
        }

        await portal.DeliverAsync();
        var retried = await portal.OutboxRowAsync(id);
        Assert.Equal((OutboxStatus.Pending, 1), (retried.Status, retried.Attempts));
    }
}
