using System.Collections.Concurrent;

namespace ExamPortal.Web.Features.Verification;

/// <summary>
/// Counts public lookups (ticket download, later certificate query) per client address in fixed windows. The
/// page asks before it looks anything up and, when refused, keeps what was typed and says when to try again;
/// the built-in rate-limiting middleware would answer before the page could. Per instance, like any in-memory
/// limiter: behind a load balancer the effective limit is the per-instance limit times the instances.
/// </summary>
public sealed class PublicLookupLimiter(TimeProvider clock, int permitLimit, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public int PermitLimit => permitLimit;

    public TimeSpan Window => window;

    public bool TryAcquire(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var counter = _counters.AddOrUpdate(client,
            _ => new Counter(windowStart, 1),
            (_, current) => current.WindowStart == windowStart ? current with { Count = current.Count + 1 } : new Counter(windowStart, 1));
        if (_counters.Count > 10_000)
        {
            foreach (var stale in _counters.Where(c => c.Value.WindowStart < windowStart).Select(c => c.Key).ToList())
            {
                _counters.TryRemove(stale, out _);
            }
        }

        return counter.Count <= permitLimit;
    }

    private sealed record Counter(DateTimeOffset WindowStart, int Count);
}
