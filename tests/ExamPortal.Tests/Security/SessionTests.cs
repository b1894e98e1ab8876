using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Areas.Centre;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Tests.Security;

/// <summary>
/// Session rules on the portal's clock (the cookie handler and the security stamp read the injected TimeProvider):
/// idle timeouts per kind of user, the absolute limit, a new cookie at every sign-in, and the lockout per account.
/// </summary>
[Collection(SecurityPortal.Name)]
public sealed class SessionTests(SecurityPortalFactory portal)
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 16, 9, 0, 0, ChinaTime.Offset);
    private readonly Scenario _scenario = new(portal);

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.CentreAdmin, "/Centre")]
    [InlineData(Role.InstitutionStaff, "/Institution")]
    public async Task Staff_are_signed_out_after_30_idle_minutes_and_each_request_restarts_the_30(Role role, string home)
    {
        portal.Clock.SetNow(Morning);
        var staff = await portal.AsAsync(role);

        portal.Clock.SetNow(Morning.AddMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(home)).StatusCode);
        portal.Clock.SetNow(Morning.AddMinutes(58));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(home)).StatusCode);
        portal.Clock.SetNow(Morning.AddMinutes(58 + 31));
        AssertSentToSignIn(await staff.GetAsync(home));
    }

    [Fact]
    public async Task A_candidate_may_stay_idle_for_an_hour_but_not_longer()
    {
        portal.Clock.SetNow(Morning);
        var (_, mobile, _) = await _scenario.CandidateAsync();
        var candidate = await portal.AsAsync(mobile, Scenario.Password);

        portal.Clock.SetNow(Morning.AddMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/Candidate/Registrations")).StatusCode);
        portal.Clock.SetNow(Morning.AddMinutes(59 + 61));
        AssertSentToSignIn(await candidate.GetAsync("/Candidate/Registrations"));
    }

    [Fact]
    public async Task A_sign_in_ends_after_12_hours_however_busy_the_user_is()
    {
        portal.Clock.SetNow(Morning);
        var staff = await portal.AsAsync(Role.CentreExam);

        for (var minutes = 25; minutes <= 700; minutes += 25)
        {
            portal.Clock.SetNow(Morning.AddMinutes(minutes));
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Centre")).StatusCode);
        }

        portal.Clock.SetNow(Morning.AddHours(12).AddMinutes(5));
        AssertSentToSignIn(await staff.GetAsync("/Centre"));
        var again = await portal.AsAsync(Role.CentreExam);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Centre")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_issues_a_new_cookie_so_a_cookie_planted_beforehand_never_becomes_the_victims_session()
    {
        portal.Clock.SetNow(Morning);
        var attacker = await _scenario.CandidateNamedAsync("甲攻击");
        var victim = await _scenario.CandidateNamedAsync("乙受害");
        var attackerJar = new CookieContainer();
        var attackerClient = Client(attackerJar);
        await (await RateLimitTests.SignInAsync(attackerClient, attacker.Mobile, Scenario.Password)).RedirectedToAsync();
        var planted = AuthCookie(attackerJar);

        var victimJar = new CookieContainer();
        victimJar.Add(portal.BaseAddress, new Cookie("examportal.auth", planted));
        var victimClient = Client(victimJar);
        var signedIn = await RateLimitTests.SignInAsync(victimClient, victim.Mobile, Scenario.Password);

        await signedIn.RedirectedToAsync();
        var issued = AuthCookie(victimJar);
        Assert.NotEqual(planted, issued);
        Assert.Contains("乙受害", await (await victimClient.GetAsync("/Candidate/Account")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withPlanted = await (await attackerClient.GetAsync("/Candidate/Account")).Content.ReadAsStringAsync();
        Assert.Contains("甲攻击", withPlanted, StringComparison.Ordinal);
        Assert.DoesNotContain("乙受害", withPlanted, StringComparison.Ordinal);

        // The same person signing in again gets yet another cookie: no sign-in reuses an earlier one.
        await (await RateLimitTests.SignInAsync(victimClient, victim.Mobile, Scenario.Password)).RedirectedToAsync();
        Assert.NotEqual(issued, AuthCookie(victimJar));
    }

    [Fact]
    public async Task Failed_sign_ins_lock_that_account_only_as_configured_here_3_failures_for_20_minutes()
    {
        portal.Clock.SetNow(Morning);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var (_, neighbour, _) = await _scenario.CandidateAsync();
        var client = portal.ClientFrom(out var address);

        for (var attempt = 1; attempt <= SecurityPortalFactory.Failures; attempt++)
        {
            var failed = await HtmlForms.ReadAsync(await RateLimitTests.SignInAsync(client, mobile, "Wrong#Pass1"));
            Assert.Contains(attempt < SecurityPortalFactory.Failures ? "连续输错3次将锁定20分钟" : "请20分钟后再试",
                failed.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        }

        var before = DateTimeOffset.UtcNow;
        var locked = await HtmlForms.ReadAsync(await RateLimitTests.SignInAsync(client, mobile, Scenario.Password));
        Assert.Contains("锁定", locked.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        // Identity's lockout runs on the system clock, not the portal's: its end is 20 real minutes after the third failure.
        var lockoutEnd = await portal.DbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value, before.AddMinutes(SecurityPortalFactory.LockoutMinutes).AddMinutes(-1), before.AddMinutes(SecurityPortalFactory.LockoutMinutes));

        var next = portal.CreateBrowserlessClient();
        next.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        Assert.Equal("/Candidate", await (await RateLimitTests.SignInAsync(next, neighbour, Scenario.Password)).RedirectedToAsync());
    }

    public static TheoryData<string> ForeignReturnUrls => new()
    {
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "https:evil.example",
    };

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task A_return_url_to_another_site_is_ignored_after_sign_in(string returnUrl)
    {
        var response = await RateLimitTests.SignInAsync(portal.ClientFrom(), DemoDataSeeder.CandidateLogin, DemoDataSeeder.Password,
            "/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/Candidate", await response.RedirectedToAsync());
    }

    [Fact]
    public async Task A_return_url_within_the_portal_is_followed_after_sign_in()
    {
        var response = await RateLimitTests.SignInAsync(portal.ClientFrom(), DemoDataSeeder.CandidateLogin, DemoDataSeeder.Password,
            "/Account/SignIn?ReturnUrl=" + Uri.EscapeDataString("/Candidate/Registrations"));

        Assert.Equal("/Candidate/Registrations", await response.RedirectedToAsync());
    }

    private HttpClient Client(CookieContainer jar) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar }) { BaseAddress = portal.BaseAddress };

    private string AuthCookie(CookieContainer jar) => jar.GetCookies(portal.BaseAddress)["examportal.auth"]!.Value;
}
