using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace ExamPortal.Web.Infrastructure;

/// <summary>
/// Start-up work that instances starting at the same moment on one database must do one at a time
/// (docs/deployment.md): migrations and seeding (check-then-insert, so two at once would insert twice), and the
/// first data-protection key. Without the lock each instance on an empty key ring makes its own key, and a cookie or
/// antiforgery token from one is unreadable on the other once its two-minute window for unknown keys has passed.
/// </summary>
public static class InstanceStartup
{
    private const long AdvisoryLockKey = 0x4550_494E_4954; // "EPINIT"

    public static async Task RunAsync(WebApplication app, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Unpooled: a session lock must not outlive this method on a connection parked in the pool.
        var connectionString = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<PortalDatabase>().ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct);
        try
        {
            if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            {
                await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration, app.Environment, ct);
            }

            // Reading the key ring creates its first key when the database has none; later instances read that key.
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(InstanceStartup)).Protect([]);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(ct);
    }
}
