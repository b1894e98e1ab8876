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
        if (user.IsInRole(nameof(Role.Candidate)))
        {
            return "/Candidate";
        }

        if (user.IsInRole(nameof(Role.InstitutionStaff)))
        {
            return "/Institution";
        }

        return Policies.CentreRoles.Any(r => user.IsInRole(r.ToString())) ? "/Centre" : "/";
    }
}
