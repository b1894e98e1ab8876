using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Infrastructure.Http;
using ExamPortal.Web.Infrastructure.Outage;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ExamPortal.Tests.Reliability;

/// <summary>A portal of its own whose database connection runs through a <see cref="DatabaseGate"/> the test can close.</summary>
public sealed class GatedPortalFactory : PortalFactory
{
    private readonly NpgsqlConnectionStringBuilder _server = new(TestDatabase.ServerConnectionString);

    public GatedPortalFactory() => Gate = new DatabaseGate(_server.Host!, _server.Port);

    public DatabaseGate Gate { get; }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Portal", new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Host = "127.0.0.1",
            Port = Gate.Port,
            Timeout = 3,
        }.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gate.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// With PostgreSQL gone, /health is red and pages answer 503 with the Chinese maintenance page, no stack trace; once
/// it is back the portal serves again by itself, the signed-in session included.
/// </summary>
public sealed class DatabaseOutageTests(GatedPortalFactory portal) : IClassFixture<GatedPortalFactory>
{
    [Fact]
    public async Task Pages_show_the_maintenance_page_while_the_database_is_away_and_the_portal_recovers_by_itself()
    {
        var visitor = portal.CreateBrowserlessClient();
        var candidate = await portal.AsAsync(Role.Candidate);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/Schedule")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/Candidate/Registrations")).StatusCode);

        portal.Gate.Close();
        try
        {
            var health = await visitor.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
            foreach (var (client, path) in new[] { (visitor, "/Schedule"), (visitor, "/Results"), (candidate, "/Candidate/Registrations") })
            {
                var page = await client.GetAsync(path);
                var body = await page.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Equal(DatabaseOutageMiddleware.RetryAfterSeconds, page.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Contains(DatabaseOutageMiddleware.Heading, body, StringComparison.Ordinal);
                Assert.Equal(SecurityHeaders.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
                Assert.Contains("不会丢失", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            }
        }
        finally
        {
            portal.Gate.Open();
        }

        // No restart and no manual step: the next requests find the database again.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/health")).StatusCode);
        var schedule = await visitor.GetAsync("/Schedule");
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        Assert.DoesNotContain(DatabaseOutageMiddleware.Heading, await schedule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/Candidate/Registrations")).StatusCode);
    }
}
