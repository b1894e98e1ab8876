using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>
/// OutboxSender, the hosted service: nobody calls the delivery, and the mail still arrives. The sender is started
/// and stopped by the test on the shared portal's services, so its shutdown is part of what the test checks.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class OutboxSenderTests(PortalFactory portal)
{
    [Fact]
    public async Task The_background_sender_delivers_queued_mail_on_its_own_and_stops_cleanly()
    {
        var address = $"houtai.{Guid.NewGuid():N}@example.com";
        var id = await portal.QueueEmailAsync(address, "后台发送", "无需手动触发，后台发送服务会自动发出。");
        using var sender = new OutboxSender(
            portal.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new OutboxOptions { PollSeconds = 1 }),
            portal.Services.GetRequiredService<ILogger<OutboxSender>>());

        await sender.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await portal.OutboxRowAsync(id)).Status != OutboxStatus.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await sender.StopAsync(CancellationToken.None);

        var mail = Assert.Single(portal.Mail().To(address));
        Assert.Equal("后台发送", mail.Subject);
        Assert.Equal(OutboxStatus.Sent, (await portal.OutboxRowAsync(id)).Status);
        Assert.True(sender.ExecuteTask!.IsCompleted, "the sender's loop ended when it was stopped");
        Assert.False(sender.ExecuteTask.IsFaulted, sender.ExecuteTask.Exception?.ToString());
    }
}
