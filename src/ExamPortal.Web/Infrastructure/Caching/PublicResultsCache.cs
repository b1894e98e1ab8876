using System.Globalization;
using System.Runtime.CompilerServices;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace ExamPortal.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of the public results page (成绩公示), which changes only when results are published or corrected
/// but is what everyone opens on results day. Only anonymous GETs of the page itself are cached (never a signed-in
/// view, a download or a response that sets a cookie), per batch, project and page, and per China day because
/// publication starts at a date (outside Production the demo clock's banner on a cached page may be a minute behind).
/// A save touching anything the page shows evicts it at once on this instance; other instances serve theirs for at
/// most <see cref="Lifetime"/> (docs/deployment.md).
/// </summary>
public sealed class PublicResultsCache(PortalClock clock) : IOutputCachePolicy
{
    public const string PolicyName = "PublicResults";
    public const string Tag = "public-results";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method)
            && !http.Request.Query.ContainsKey("handler")
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = new[] { "BatchId", "Project", "page" };
        context.CacheVaryByRules.VaryByValues["day"] = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Evicts the cached results pages after a save that changes what they show: scores, publication dates, batches,
/// plans, projects, the calendar (which moves default publication dates), tickets, or a ticket holder's registration.
/// Within a transaction the eviction waits for the commit, so a page rendered meanwhile is not cached with old rows.
/// </summary>
public sealed class PublicResultsCacheEviction(IOutputCacheStore store) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Shown =
    [
        typeof(ExamScore), typeof(ResultPublication), typeof(Batch), typeof(ExamPlan), typeof(Project),
        typeof(CalendarYear), typeof(CalendarDay), typeof(AdmissionTicket),
    ];

    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransaction(eventData).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictUnlessInTransaction(eventData);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictIfPending(eventData.Context).AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => await EvictIfPending(eventData.Context);

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(Affects))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    private static bool Affects(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (Shown.Contains(entry.Metadata.ClrType)
            || (entry.Entity is Registration
                && (Equals(entry.Property(nameof(Registration.Status)).CurrentValue, RegistrationStatus.TicketIssued)
                    || Equals(entry.Property(nameof(Registration.Status)).OriginalValue, RegistrationStatus.TicketIssued))));

    private ValueTask EvictUnlessInTransaction(SaveChangesCompletedEventData eventData) =>
        eventData.Context is { } context && context.Database.CurrentTransaction is null ? EvictIfPending(context) : ValueTask.CompletedTask;

    private ValueTask EvictIfPending(DbContext? context) =>
        context is not null && _pending.Remove(context) ? store.EvictByTagAsync(PublicResultsCache.Tag, CancellationToken.None) : ValueTask.CompletedTask;

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
