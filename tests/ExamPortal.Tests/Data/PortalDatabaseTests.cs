using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExamPortal.Tests.Data;

/// <summary>The one connection string the portal uses: the configured one, with statements auto-prepared by default.</summary>
public sealed class PortalDatabaseTests
{
    private const string Configured = "Host=db.example;Database=examportal;Username=portal";

    [Fact]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var database = PortalDatabase.From(Settings(("ConnectionStrings:Portal", Configured)));

        var effective = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(PortalDatabase.DefaultMaxAutoPrepare, effective.MaxAutoPrepare);
        Assert.Equal("db.example", effective.Host);
        Assert.Equal("examportal", effective.Database);
    }

    [Fact]
    public void A_value_in_the_connection_string_is_kept()
    {
        var database = PortalDatabase.From(Settings(("ConnectionStrings:Portal", Configured + ";Max Auto Prepare=7")));

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Database_MaxAutoPrepare_0_turns_it_off()
    {
        var database = PortalDatabase.From(Settings(("ConnectionStrings:Portal", Configured), ("Database:MaxAutoPrepare", "0")));

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Without_a_connection_string_start_up_says_how_to_get_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalDatabase.From(Settings()));

        Assert.Contains("ConnectionStrings__Portal", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}

/// <summary>The running portal (EF Core, the verification lookup and the outage middleware) uses that string.</summary>
[Collection(SharedPortal.Name)]
public sealed class PortalDatabaseInUseTests(PortalFactory portal)
{
    [Fact]
    public void The_portal_runs_on_the_configured_database_with_auto_prepare()
    {
        var database = portal.Services.GetRequiredService<PortalDatabase>();

        var effective = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(PortalDatabase.DefaultMaxAutoPrepare, effective.MaxAutoPrepare);
        Assert.Equal(new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database, effective.Database);
        using var scope = portal.Services.CreateScope();
        Assert.Equal(database.ConnectionString, scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString());
    }
}
