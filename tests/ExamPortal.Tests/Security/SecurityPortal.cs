using System.Globalization;
using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.Security;

/// <summary>
/// A portal with the production session rules (30 minutes idle for staff, 60 for candidates, 12 hours at most), the
/// production sign-in limit per address (100), small limits on the other pages so a test reaches them in a few
/// requests, and a lockout of 3 failures for 20 minutes (the shared portal proves the default 5 and 15). Windows are an
/// hour long, so a burst of requests never straddles two windows; each test sends from addresses of its own
/// (X-Forwarded-For, trusted from loopback), so the tests do not use up each other's allowance.
/// </summary>
public sealed class SecurityPortalFactory : PortalFactory
{
    public const int SignInLimit = 100;
    public const int SmallLimit = 3;
    public const int Failures = 3;
    public const int LockoutMinutes = 20;

    private static int _address;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (policy, limit) in new[] { ("SignIn", SignInLimit), ("SignUp", SmallLimit), ("PublicLookup", SmallLimit), ("Results", SmallLimit) })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", limit.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{policy}:WindowSeconds", "3600");
        }

        builder.UseSetting("Session:StaffIdleMinutes", "30");
        builder.UseSetting("Session:CandidateIdleMinutes", "60");
        builder.UseSetting("Session:AbsoluteHours", "12");
        builder.UseSetting("Security:MaxFailedSignIns", Failures.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Security:LockoutMinutes", LockoutMinutes.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A client with a cookie jar of its own, from an address no other test uses.</summary>
    /// <summary>An address no other test uses (from a documentation range).</summary>
    public static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"198.51.{n / 250}.{(n % 250) + 1}";
    }

    public HttpClient ClientFrom(out string address)
    {
        address = NextAddress();
        var client = CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public HttpClient ClientFrom() => ClientFrom(out _);
}

[CollectionDefinition(Name)]
public sealed class SecurityPortal : ICollectionFixture<SecurityPortalFactory>
{
    public const string Name = "SecurityPortal";
}
