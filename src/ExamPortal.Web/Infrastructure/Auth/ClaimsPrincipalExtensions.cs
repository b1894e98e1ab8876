using System.Security.Claims;
using ExamPortal.Domain.Common;

namespace ExamPortal.Web.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The page requires a signed-in user.");

    /// <summary>The signed-in person as the domain knows them. Every account holds exactly one role.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.UserId(), Enum.GetValues<Role>().First(role => user.IsInRole(role.ToString())));

    /// <summary>The page a signed-in user starts from, by role.</summary>
    public static string HomePath(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return HomePathFor(user.IsInRole);
    }

    /// <summary>The same for the roles just read from the store, at sign-in before the cookie exists.</summary>
    public static string HomePath(IList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return HomePathFor(roles.Contains);
    }

    private static string HomePathFor(Func<string, bool> isInRole)
    {
        if (isInRole(nameof(Role.Candidate)))
        {
            return "/Candidate";
        }

        if (isInRole(nameof(Role.InstitutionStaff)))
        {
            return "/Institution";
        }

        return Policies.CentreRoles.Any(r => isInRole(r.ToString())) ? "/Centre" : "/";
    }
}
