using System.Diagnostics;
using System.Globalization;
using ExamPortal.Web.Features.Imports;
using Npgsql;
using NpgsqlTypes;

namespace ExamPortal.Bench;

/// <summary>The raw floors: what plain Npgsql binary COPY takes to write the import's rows, measured in the same run.</summary>
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

    /// <summary>
    /// The raw floor of writing what the import wrote: the registrations and history rows it just inserted for this
    /// institution, every column, copied out in binary and then, in one transaction, deleted and copied back in by
    /// binary COPY into the same tables with all their indexes, constraints and foreign keys; only the COPY in is timed,
    /// and the transaction is rolled back so the import's own rows stay.
    /// </summary>
    public static async Task<double> CopySameRowsAsync(string connectionString, int institutionId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var id = institutionId.ToString(CultureInfo.InvariantCulture);
        var registrations = $"SELECT * FROM registrations WHERE institution_id = {id}";
        var events = $"SELECT * FROM registration_events WHERE registration_id IN (SELECT id FROM registrations WHERE institution_id = {id})";
        var registrationRows = await CopyOutAsync(connection, registrations);
        var eventRows = await CopyOutAsync(connection, events);

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand(
            $"DELETE FROM registration_events WHERE registration_id IN (SELECT id FROM registrations WHERE institution_id = {id}); " +
            $"DELETE FROM registrations WHERE institution_id = {id}", connection, transaction))
        {
            await delete.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await CopyInAsync(connection, "registrations", registrationRows);
        await CopyInAsync(connection, "registration_events", eventRows);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await transaction.RollbackAsync();
        return elapsed;
    }

    private static async Task<byte[]> CopyOutAsync(NpgsqlConnection connection, string query)
    {
        using var buffer = new MemoryStream();
        await using (var source = await connection.BeginRawBinaryCopyAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)"))
        {
            await source.CopyToAsync(buffer);
        }

        return buffer.ToArray();
    }

    private static async Task CopyInAsync(NpgsqlConnection connection, string table, byte[] rows)
    {
        await using var target = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        await target.WriteAsync(rows);
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Row(string what, List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {values.Min():0} | {Median(values):0} | {values.Max():0} |");
}
