using ExamPortal.Web.Features.Verification;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Accounts;

/// <summary>The link a staff member opens to set a password: sent on a reset and to a newly created account.</summary>
internal static class ResetLink
{
    public static Func<string, string, string> For(HttpRequest request, IConfiguration configuration)
    {
        var link = PublicUrl.For(request, configuration, "/Account/ResetPassword");
        return (id, token) => $"{link(string.Empty)}?userId={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}";
    }
}
