using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Configurations;
using ExamPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ExamPortal.Web.Features.Registrations;

/// <summary>
/// Saves many new registrations, built by the domain with their history entries, in the time of a binary COPY
/// rather than one EF insert per row: both are copied into staging tables, then moved in one statement that skips
/// any person who meanwhile got a live registration in the batch (the partial unique index decides, as it would
/// for EF). Runs in the caller's transaction on the DbContext's connection, so it commits or rolls back with
/// whatever else the caller saves. The rows are the ones EF would write, IdNumberKey included (PersonKeyInterceptor
/// fills it for EF; nothing intercepts COPY).
/// </summary>
public sealed class RegistrationBulkInsert(PortalDbContext db, PersonKeys keys)
{
    private const string RegistrationStaging = "registrations_staging";
    private const string EventStaging = "registration_events_staging";

    /// <summary>The ids of the registrations inserted; the others conflicted with a live registration of the same person.</summary>
    public async Task<HashSet<Guid>> InsertAsync(IReadOnlyList<Registration> registrations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The bulk insert runs in the caller's transaction");
        if (registrations.Any(r => r.Documents.Count > 0))
        {
            throw new InvalidOperationException("The bulk insert writes new registrations without documents");
        }

        var key = await keys.KeyAsync(ct);
        var registrationTable = CopyTable<Registration>.For(db.Model, new Dictionary<string, Func<Registration, object?>>
        {
            [RegistrationConfiguration.IdNumberKeyProperty] = r => PersonKeys.Compute(key, r.IdNumber),
        });
        var eventTable = CopyTable<RegistrationEvent>.For(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();

        await ExecuteAsync(connection, npgsqlTransaction,
            $"CREATE TEMP TABLE {RegistrationStaging} (LIKE {registrationTable.Table} INCLUDING DEFAULTS) ON COMMIT DROP; " +
            $"CREATE TEMP TABLE {EventStaging} (LIKE {eventTable.Table} INCLUDING DEFAULTS) ON COMMIT DROP", ct);
        await registrationTable.WriteAsync(connection, RegistrationStaging, registrations, ct);
        await eventTable.WriteAsync(connection, EventStaging, registrations.SelectMany(r => r.History), ct);

        var live = LiveIndex();
        var registrationId = registrationTable.ColumnOf(nameof(Registration.Id));
        await using var move = new NpgsqlCommand(
            $"""
            WITH inserted AS (
                INSERT INTO {registrationTable.Table} ({registrationTable.ColumnList})
                SELECT {registrationTable.ColumnList} FROM {RegistrationStaging}
                ON CONFLICT ({string.Join(", ", live.Columns.Select(c => CopyTable<Registration>.Quote(c.Name)))}) WHERE {live.Filter} DO NOTHING
                RETURNING {registrationId}),
            history AS (
                INSERT INTO {eventTable.Table} ({eventTable.ColumnList})
                SELECT {eventTable.ColumnList} FROM {EventStaging}
                WHERE {eventTable.ColumnOf(nameof(RegistrationEvent.RegistrationId))} IN (SELECT {registrationId} FROM inserted))
            SELECT {registrationId} FROM inserted
            """, connection, npgsqlTransaction);
        var inserted = new HashSet<Guid>();
        await using var reader = await move.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    // The partial unique index that allows one live registration per person per batch, as the model declares it.
    private ITableIndex LiveIndex() =>
        db.Model.FindEntityType(typeof(Registration))!.GetTableMappings().Single().Table.Indexes
            .Single(i => i.Name == RegistrationConfiguration.LiveIndexName);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
