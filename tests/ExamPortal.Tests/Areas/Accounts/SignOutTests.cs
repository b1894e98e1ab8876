using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;

namespace ExamPortal.Tests.Areas.Accounts;

/// <summary>退出 in the header of every page posts to /Account/SignOut and ends the session.</summary>
[Collection(SharedPortal.Name)]
public sealed class SignOutTests(PortalFactory portal)
{
    [Theory]
    [InlineData(Role.Candidate, "/Schedule", "/Candidate")]
    [InlineData(Role.InstitutionStaff, "/Results", "/Institution")]
    [InlineData(Role.CentreAdmin, "/Centre", "/Centre")]
    public async Task The_header_sign_out_form_on_any_page_ends_the_session(Role role, string from, string home)
    {
        var client = await portal.AsAsync(role);
        var page = await client.GetDocumentAsync(from);
        Assert.Equal("/Account/SignOut", page.QuerySelector("form.inline-form")!.GetAttribute("action"));

        var signedOut = await client.SubmitAsync(page, "form.inline-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
        var after = await client.GetAsync(home);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var front = await client.GetDocumentAsync("/");
        Assert.Null(front.QuerySelector("form.inline-form"));
    }
}
