using ExamPortal.Domain.Common;
using ExamPortal.Web.Data.Seed;

namespace ExamPortal.Tests.Support;

/// <summary>Signs in through the real sign-in form, as the demo account of a role.</summary>
public static class SignedIn
{
    public static string LoginOf(Role role) => role == Role.Candidate
        ? DemoDataSeeder.CandidateLogin
        : DemoDataSeeder.StaffAccounts.Single(a => a.Role == role).Login;

    public static async Task<HttpClient> AsAsync(this PortalFactory factory, Role role) =>
        await factory.AsAsync(LoginOf(role), DemoDataSeeder.Password);

    public static async Task<HttpClient> AsAsync(this PortalFactory factory, string login, string password)
    {
        var client = factory.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignIn");
        var response = await client.SubmitAsync(page, "form.card", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
