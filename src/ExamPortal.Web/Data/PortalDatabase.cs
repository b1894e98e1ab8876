using Npgsql;

namespace ExamPortal.Web.Data;

/// <summary>
/// The connection string every part of the portal uses: ConnectionStrings:Portal with the portal's own defaults.
/// Whatever opens a connection itself (the verification lookup, the outage middleware clearing the pool) takes it
/// from here, so that it reaches the same pool as EF Core.
/// </summary>
public sealed record PortalDatabase(string ConnectionString)
{
    // Statements used this many times on a pooled connection stay prepared on it: the public lookups and queues repeat
    // the same few, and skipping PostgreSQL's parse and plan raised the verification page and the raw floor alike
    // (bench/results/history.md). 0 turns it off, e.g. behind a pooler that cannot keep prepared statements.
    public const int DefaultMaxAutoPrepare = 64;

    public static PortalDatabase From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set: run ./run.sh, or set ConnectionStrings__Portal to a PostgreSQL connection string.");
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", DefaultMaxAutoPrepare);
        }

        return new PortalDatabase(builder.ConnectionString);
    }
}
