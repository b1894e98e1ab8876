using System.Data;
using ExamPortal.Web.Data;
using Npgsql;

namespace ExamPortal.Web.Features.Certificates;

/// <summary>
/// The one query of 证书核验, the page every certificate's QR code opens: one unique-index lookup in plain Npgsql
/// rather than EF, because this page takes the results-day rush (bench/results/history.md: with the compiled EF query
/// it served 0.39 × the raw floor). Its connection string is EF's, so it shares EF's pool and the outage
/// middleware's pool clearing.
/// </summary>
public sealed class CertificateVerification(PortalDatabase database)
{
    private const string Sql = """
        SELECT c.number, c.full_name, c.project_name, c.batch_id, b.year, b.number, b.exam_date, c.issue_date
        FROM certificates c
        JOIN batches b ON b.id = c.batch_id
        WHERE c.number = $1
        """;

    /// <summary>What anyone may see of a certificate: number, holder's name, project, batch and dates only.</summary>
    public async Task<CertificateRow?> PublicFactsAsync(string number, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = number });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new CertificateRow
        {
            Number = reader.GetString(0),
            FullName = reader.GetString(1),
            ProjectName = reader.GetString(2),
            BatchId = reader.GetInt32(3),
            BatchYear = reader.GetInt32(4),
            BatchNumber = reader.GetInt32(5),
            ExamDate = reader.GetFieldValue<DateOnly>(6),
            IssueDate = reader.GetFieldValue<DateOnly>(7),
        };
    }
}
