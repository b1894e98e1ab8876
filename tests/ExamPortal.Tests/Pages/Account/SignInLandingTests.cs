using ExamPortal.Domain.Common;
using ExamPortal.Tests.Security;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;

namespace ExamPortal.Tests.Pages.Account;

/// <summary>Signing in lands each role on its own start page, picked from the roles in the store.</summary>
[Collection(SharedPortal.Name)]
public sealed class SignInLandingTests(PortalFactory portal)
{
    [Theory]
    [InlineData(Role.Candidate, "/Candidate")]
    [InlineData(Role.InstitutionStaff, "/Institution")]
    [InlineData(Role.CentreAdmin, "/Centre")]
    [InlineData(Role.CentreReviewer, "/Centre")]
    [InlineData(Role.CentreFinance, "/Centre")]
    [InlineData(Role.CentreExam, "/Centre")]
    public async Task Each_role_lands_on_its_start_page(Role role, string home)
    {
        var response = await RateLimitTests.SignInAsync(portal.CreateBrowserlessClient(), SignedIn.LoginOf(role), DemoDataSeeder.Password);

        Assert.Equal(home, await response.RedirectedToAsync());
    }
}
