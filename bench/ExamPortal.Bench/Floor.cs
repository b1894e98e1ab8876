using System.Diagnostics;
using System.Globalization;
using ExamPortal.Web.Features.Imports;
using Npgsql;
using NpgsqlTypes;

namespace ExamPortal.Bench;

/// <summary>The raw floor: what plain Npgsql binary COPY takes to write the same rows, measured in the same run.</summary>
internal static class Floor
{
    public static async Task<double> CopyAsync(string connectionString, IReadOnlyList<ApplicantRow> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE bench_copy (id uuid, id_number text, full_name text, mobile text, details jsonb, created_at timestamptz)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY bench_copy (id, id_number, full_name, mobile, details, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.IdNumber, NpgsqlDbType.Text);
                await writer.WriteAsync(row.FullName, NpgsqlDbType.Text);
                await writer.WriteAsync(row.Mobile, NpgsqlDbType.Text);
                await writer.WriteAsync($"{{\"fullName\":\"{row.FullName}\",\"school\":\"{row.School}\"}}", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Row(string what, List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {values.Min():0} | {Median(values):0} | {values.Max():0} |");
}
