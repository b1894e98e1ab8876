using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// Keeps Registration.IdNumberKey in step with IdNumber on every save: new registrations, a corrected ID number
/// (更正申请), and any row still without a key. The domain does not know about the key; the data layer owns it.
/// </summary>
public sealed class PersonKeyInterceptor(PersonKeys keys) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var pending = Pending(eventData.Context);
        if (pending.Count > 0)
        {
            // Synchronous saves are rare here (seeders and tools); the key is cached after its first read.
            Fill(pending, keys.KeyAsync(CancellationToken.None).GetAwaiter().GetResult());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var pending = Pending(eventData.Context);
        if (pending.Count > 0)
        {
            Fill(pending, await keys.KeyAsync(cancellationToken));
        }

        return result;
    }

    private static List<EntityEntry<Registration>> Pending(DbContext? context) =>
        context is null
            ? []
            : [.. context.ChangeTracker.Entries<Registration>().Where(e =>
                e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(r => r.IdNumber).IsModified || Key(e).CurrentValue is null)))];

    private static void Fill(List<EntityEntry<Registration>> pending, byte[] key)
    {
        foreach (var entry in pending)
        {
            Key(entry).CurrentValue = PersonKeys.Compute(key, entry.Entity.IdNumber);
        }
    }

    private static PropertyEntry<Registration, byte[]> Key(EntityEntry<Registration> entry) =>
        entry.Property<byte[]>(RegistrationConfiguration.IdNumberKeyProperty);
}
