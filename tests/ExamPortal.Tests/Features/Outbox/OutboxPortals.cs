using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>
/// A portal whose messages also go out by SMS (to its own /dev/sms capture endpoint, through HttpSmsSender) and by e-mail
/// (to its own SMTP capture listener); small batches, so concurrent runs interleave. The sender is off: tests deliver.
/// </summary>
public sealed class OutboxPortalFactory : PortalFactory
{
    public const string SmsKey = "test-sms-key";
    public const int BatchSize = 5;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Sms:Enabled", "true");
        builder.UseSetting("Sms:Capture", "true");
        builder.UseSetting("Sms:Key", SmsKey);
        builder.UseSetting("Outbox:BatchSize", BatchSize.ToString(CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class OutboxPortal : ICollectionFixture<OutboxPortalFactory>
{
    public const string Name = "Outbox portal";
}

/// <summary>A portal whose SMTP server is down: Smtp:Host points at a loopback port nothing listens on.</summary>
public sealed class SmtpDownPortalFactory : PortalFactory
{
    public const int MaxAttempts = 8;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Smtp:Capture", "false");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", ClosedPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Outbox:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture));
    }

    // A port the system just handed out and that nobody listens on any more.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public sealed class SmtpDownPortal : ICollectionFixture<SmtpDownPortalFactory>
{
    public const string Name = "SMTP down portal";
}

/// <summary>What outbox tests do to a portal: accounts with an e-mail, queueing, delivering, reading rows back.</summary>
public static class OutboxSteps
{
    /// <summary>A new candidate (as <see cref="Scenario.CandidateAsync"/>) who has this e-mail address, confirmed or not.</summary>
    public static async Task<(string UserId, string Mobile, string Email)> CandidateWithEmailAsync(this PortalFactory portal, Scenario scenario, bool confirmed = true)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (userId, mobile, _) = await scenario.CandidateAsync();
        var email = $"kaosheng.{Guid.NewGuid():N}@example.com";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.Email = email;
        user.EmailConfirmed = confirmed;
        var updated = await users.UpdateAsync(user);
        Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Description)));
        return (userId, mobile, email);
    }

    /// <summary>One e-mail queued through the Outbox API in its own unit of work; returns its row id.</summary>
    public static async Task<Guid> QueueEmailAsync(this PortalFactory portal, string to, string subject, string body)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        scope.ServiceProvider.GetRequiredService<ExamPortal.Web.Features.Outbox.Outbox>().Email(to, subject, body);
        var id = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<DeliveryReport> DeliverAsync(this PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunOnceAsync(CancellationToken.None);
    }

    public static async Task<List<OutboxMessage>> OutboxForAsync(this PortalFactory portal, string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Channel).ToListAsync();
    }

    public static async Task<OutboxMessage> OutboxRowAsync(this PortalFactory portal, Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static CapturedMail Mail(this PortalFactory portal) => portal.Services.GetRequiredService<CapturedMail>();

    public static CapturedSms Texts(this PortalFactory portal) => portal.Services.GetRequiredService<CapturedSms>();
}
