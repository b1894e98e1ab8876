using System.Globalization;
using ExamPortal.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Infrastructure.Auth;

/// <summary>
/// How long a sign-in lasts (settings `Session:*`). Staff of the centre and of institutions see thousands of people's
/// data, so their session ends after <see cref="StaffIdleMinutes"/> without a request; a candidate sees only their own
/// and may need longer between requests (finding and scanning documents while filling in a registration), so gets
/// <see cref="CandidateIdleMinutes"/>. Whatever the activity, a sign-in ends <see cref="AbsoluteHours"/> after it began.
/// </summary>
public sealed class SessionRules
{
    public const string Section = "Session";

    /// <summary>The instant of the sign-in, kept in the cookie's properties; refreshes and re-issues carry it over.</summary>
    public const string SignedInAtItem = ".examportal.signedInAt";

    public int StaffIdleMinutes { get; set; } = 30;
    public int CandidateIdleMinutes { get; set; } = 60;
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>
    /// Sliding expiry per role: the cookie's lifetime (ExpiresUtc − IssuedUtc) is the role's idle time, and the cookie
    /// handler keeps that span when it slides the cookie forward (at least every minute, when the security stamp is
    /// re-read). The absolute limit is checked before the security stamp on every request.
    /// </summary>
    public void Apply(CookieAuthenticationOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TimeProvider = clock;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(StaffIdleMinutes);
        options.SlidingExpiration = true;

        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = context =>
        {
            var issued = context.Properties.IssuedUtc ?? clock.GetUtcNow();
            var idle = context.Principal?.IsInRole(nameof(Role.Candidate)) == true ? CandidateIdleMinutes : StaffIdleMinutes;
            context.Properties.ExpiresUtc = issued.AddMinutes(idle);
            context.Properties.Items.TryAdd(SignedInAtItem, issued.UtcTicks.ToString(CultureInfo.InvariantCulture));
            return signingIn(context);
        };

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            // A cookie without the sign-in instant predates these rules (Identity's 14 days): it is not honoured either.
            if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var ticks)
                || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var signedInTicks)
                || clock.GetUtcNow() - new DateTimeOffset(signedInTicks, TimeSpan.Zero) > TimeSpan.FromHours(AbsoluteHours))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validate(context);
        };
    }
}
