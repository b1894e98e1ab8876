using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// At start-up, gives every registration saved before IdNumberKey existed its key, a batch at a time in one UPDATE
/// per batch, so the person search also finds registrations made before this version.
/// </summary>
public sealed class PersonKeyBackfill(PortalDbContext db, PersonKeys keys)
{
    public const int BatchSize = 1000;

    /// <summary>How many registrations got a key.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var key = await keys.KeyAsync(ct);
        var total = 0;
        while (true)
        {
            var rows = await db.Registrations.AsNoTracking()
                .Where(r => EF.Property<byte[]?>(r, RegistrationConfiguration.IdNumberKeyProperty) == null)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .Select(r => new { r.Id, r.IdNumber })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                return total;
            }

            var ids = rows.Select(r => r.Id).ToArray();
            var hashes = rows.Select(r => PersonKeys.Compute(key, r.IdNumber)).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"UPDATE registrations AS r SET id_number_key = v.key FROM unnest({ids}, {hashes}) AS v(id, key) WHERE r.id = v.id AND r.id_number_key IS NULL",
                ct);
            total += rows.Count;
        }
    }
}
