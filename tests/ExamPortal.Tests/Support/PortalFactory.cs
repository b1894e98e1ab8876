using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExamPortal.Tests.Support;

/// <summary>
/// The real portal on Kestrel (so browsers can reach it too) over its own PostgreSQL database,
/// migrated and seeded by the same start-up path ./run.sh uses, and dropped at the end.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databaseName = $"examportal_t_{Guid.NewGuid():N}";

    public string ConnectionString { get; }

    public PortalFactory()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = _databaseName }.ConnectionString;
        UseKestrel(0);
    }

    public PortalClock Clock => Services.GetRequiredService<PortalClock>();

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Clock:Now", "2026-03-10T10:00");
        builder.UseSetting("Jobs:Enabled", "false");
        // Mail goes to the in-process SMTP listener (CapturedMail); tests deliver with OutboxDelivery.RunOnceAsync when they mean to.
        builder.UseSetting("Smtp:Capture", "true");
        builder.UseSetting("Smtp:Port", "0");
        builder.UseSetting("Outbox:Enabled", "false");
        // Every test client comes from 127.0.0.1 and tests move the clock by days while signed in: the shared portal
        // lifts the per-client rate limits and keeps a sign-in for 14 days idle (Identity's old default), a year at most.
        // The tests of those rules use portals of their own (tests/ExamPortal.Tests/Security).
        foreach (var policy in new[] { "SignIn", "SignUp", "PublicLookup", "Results" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }

        builder.UseSetting("Session:StaffIdleMinutes", "20160");
        builder.UseSetting("Session:CandidateIdleMinutes", "20160");
        builder.UseSetting("Session:AbsoluteHours", "8784");
        ConfigureSettings(builder);
    }

    /// <summary>Extra settings of a portal that differs from the shared one (a lower rate limit, say); applied after the defaults.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        await TestDatabase.CreateAsync(_databaseName);
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (Exception ex)
        {
            // xunit reports a fixture's cleanup failure by its exception type only; the whole story goes to the test output.
            var root = Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "test-output");
            Directory.CreateDirectory(root);
            await File.AppendAllTextAsync(Path.Combine(root, "cleanup-failures.log"), $"{DateTimeOffset.UtcNow:O} {GetType().Name}{Environment.NewLine}{ex}{Environment.NewLine}");
            throw;
        }

        NpgsqlConnection.ClearAllPools();
        await TestDatabase.DropAsync(_databaseName);
    }

    /// <summary>
    /// A client over real sockets with its own cookie jar that does not follow redirects, so tests see them.
    /// (The factory's own clients follow redirects inside the socket handler once Kestrel serves.)
    /// </summary>
    public HttpClient CreateBrowserlessClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };
}

[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "Portal";
}
