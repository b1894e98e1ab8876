using Npgsql;

namespace ExamPortal.Web.Infrastructure.Bench;

/// <summary>
/// The raw floors bench/ measures the public pages against, in the same process and through the same middleware:
/// floor A answers a constant string; floor B does one Npgsql unique-index lookup of a certificate by number with the
/// portal's own connection string and answers a small JSON object. Mapped only when Bench:Floors is on, and never in
/// Production, so a deployed portal has no such routes.
/// </summary>
public static class FloorEndpoints
{
    public const string Setting = "Bench:Floors";

    public static void MapBenchFloors(this WebApplication app, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(Setting) || app.Environment.IsProduction())
        {
            return;
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapGet("/bench/floor/constant", () => "ExamPortal");
        app.MapGet("/bench/floor/certificate/{number}", async (string number, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT number, full_name, project_name, issue_date FROM certificates WHERE number = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = number });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? Results.Json(new FloorCertificate(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3)))
                : Results.NotFound();
        });
    }

    private sealed record FloorCertificate(string Number, string FullName, string ProjectName, DateOnly IssueDate);
}
