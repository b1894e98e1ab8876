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

    /// <summary>
    /// Counts one lookup of the request's client. Null when allowed; otherwise the Chinese answer to show, with the
    /// response already set to 429, so the page keeps what was typed and says when to try again.
    /// </summary>
    public string? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TryAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            return null;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return $"查询过于频繁，请{Math.Ceiling(window.TotalMinutes)}分钟后再试。";
    }

    private bool TryAcquire(string client)
    {
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
