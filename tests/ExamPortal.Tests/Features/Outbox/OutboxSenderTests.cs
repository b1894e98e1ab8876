using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>A portal with the background sender on (as in production), polling every second.</summary>
public sealed class SendingPortalFactory : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Outbox:Enabled", "true");
        builder.UseSetting("Outbox:PollSeconds", "1");
    }
}

/// <summary>OutboxSender, the hosted service: nobody calls the delivery, and the mail still arrives.</summary>
public sealed class OutboxSenderTests(SendingPortalFactory portal) : IClassFixture<SendingPortalFactory>
{
    [Fact]
    public async Task The_background_sender_delivers_queued_mail_on_its_own()
    {
        var address = $"houtai.{Guid.NewGuid():N}@example.com";
        var id = await portal.QueueEmailAsync(address, "后台发送", "无需手动触发，后台发送服务会自动发出。");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (portal.Mail().To(address).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var mail = Assert.Single(portal.Mail().To(address));
        Assert.Equal("后台发送", mail.Subject);
        while ((await portal.OutboxRowAsync(id)).Status != OutboxStatus.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(OutboxStatus.Sent, (await portal.OutboxRowAsync(id)).Status);
    }
}
