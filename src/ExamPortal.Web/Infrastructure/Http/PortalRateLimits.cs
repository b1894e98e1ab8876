using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Infrastructure.Http;

/// <summary>
/// Per-client-address limits (ASP.NET Core rate limiting) on the pages a stranger can hammer: sign-in, sign-up,
/// the public lookups and the results list. Each is a fixed window, `RateLimits:{Policy}:PermitLimit` requests per
/// `RateLimits:{Policy}:WindowSeconds`, counted in the memory of one instance. A refusal is 429 with no body, so the
/// status-code pages show the Chinese /Error/429 page, which says when to try again (Retry-After).
/// </summary>
public static class PortalRateLimits
{
    /// <summary>POSTs of the sign-in form. Generous, because a school's pupils share one NAT address; guessing one
    /// account's password is stopped by the per-account lockout instead.</summary>
    public const string SignIn = "SignIn";

    /// <summary>POSTs of the candidate sign-up form.</summary>
    public const string SignUp = "SignUp";

    /// <summary>POSTs of the lookups that answer personal questions: ticket download, certificate query, password recovery.</summary>
    public const string PublicLookup = "PublicLookup";

    /// <summary>Every request of the public results list and its PDF/Excel downloads.</summary>
    public const string Results = "Results";

    /// <summary>Where the page reads how long the client must wait (the rejected response's Retry-After, in seconds).</summary>
    public const string RetryAfterItem = "ExamPortal.RetryAfterSeconds";

    private static readonly (string Policy, int PermitLimit, int WindowSeconds, bool PostsOnly)[] Defaults =
    [
        (SignIn, 100, 60, true),
        (SignUp, 30, 60, true),
        (PublicLookup, 20, 60, true),
        (Results, 120, 60, false),
    ];

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    context.HttpContext.Items[RetryAfterItem] = seconds;
                }

                return ValueTask.CompletedTask;
            };
            foreach (var (policy, permitDefault, windowDefault, postsOnly) in Defaults)
            {
                var section = configuration.GetSection($"RateLimits:{policy}");
                var permitLimit = section.GetValue("PermitLimit", permitDefault);
                var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", windowDefault));
                options.AddPolicy(policy, context => postsOnly && !HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permitLimit,
                        Window = window,
                        QueueLimit = 0,
                    }));
            }
        });
    }

    /// <summary>
    /// The client's address (already taken from X-Forwarded-For of a trusted proxy). An IPv6 client is counted by its
    /// /64, since one household or school is given a whole /64 and could otherwise step past the limit address by address.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
