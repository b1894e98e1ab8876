using System.Security.Claims;
using ExamPortal.Domain.Common;

namespace ExamPortal.Web.Infrastructure.Auth;

public static class ClaimsPrincipalExtensions
{
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
