using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.Security;

/// <summary>Security headers on every kind of response, and the flags of the portal's cookies.</summary>
[Collection(SecurityPortal.Name)]
public sealed class ResponseHeaderTests(SecurityPortalFactory portal)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(Policy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Account/SignIn", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/uploads.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/Centre", HttpStatusCode.Redirect)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_content_security_policy_and_its_companions_but_no_HSTS_outside_production(string path, HttpStatusCode status)
    {
        var response = await portal.ClientFrom().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_are_HttpOnly_and_SameSite_and_Secure_whenever_the_request_came_over_https()
    {
        var plain = await CookiesOfSignInAsync(WithoutJar(portal, SecurityPortalFactory.NextAddress(), https: false));
        Assert.All(plain, cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        var overHttps = await CookiesOfSignInAsync(WithoutJar(portal, SecurityPortalFactory.NextAddress(), https: true));
        Assert.All(overHttps, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        foreach (var cookies in new[] { plain, overHttps })
        {
            Assert.Contains(cookies, c => c.StartsWith("examportal.auth=", StringComparison.Ordinal) && Flags(c, "httponly", "samesite=lax"));
            Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) && Flags(c, "httponly", "samesite=strict"));
        }
    }

    [Theory]
    [InlineData("/Tickets/Download", "#ticket-lookup")]   // a ModelOnly summary, errors beside the fields only
    [InlineData("/Account/SignUp", "form.card")]           // a summary of all errors
    public async Task A_form_sent_back_with_errors_carries_no_inline_style_for_the_policy_to_refuse(string path, string form)
    {
        var client = portal.ClientFrom();
        var page = await client.GetDocumentAsync(path);
        Assert.DoesNotContain("style=", page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);

        var again = await client.SubmitAsync(page, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("field-error", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Flags(string cookie, params string[] flags) =>
        flags.All(flag => cookie.Contains("; " + flag, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A client whose cookies the test keeps by hand; with https, as behind nginx over https (X-Forwarded-Proto from
    /// loopback): the test talks plain http, over which a cookie jar would not send back Secure cookies.
    /// </summary>
    internal static HttpClient WithoutJar(PortalFactory portal, string? address, bool https)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.BaseAddress };
        if (https)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        if (address is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        }

        return client;
    }

    /// <summary>The Set-Cookie headers of opening the sign-in form (antiforgery) and of signing in (the session).</summary>
    internal static async Task<List<string>> CookiesOfSignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/Account/SignIn");
        var page = await HtmlForms.ReadAsync(form);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = DemoDataSeeder.CandidateLogin,
                ["Input.Password"] = DemoDataSeeder.Password,
                ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("form.card input[name='__RequestVerificationToken']")!.Value,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(post);
        await signedIn.RedirectedToAsync();
        return [.. form.Headers.GetValues("Set-Cookie"), .. signedIn.Headers.GetValues("Set-Cookie")];
    }
}

/// <summary>The portal as Production runs it (no demo data, no shifted clock, no captured mail).</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Smtp:Capture", "false");
    }
}

/// <summary>
/// In Production every cookie is Secure and https answers carry HSTS. The portal is then reached only through nginx
/// over https (X-Forwarded-Proto): antiforgery refuses to issue its Secure-only cookie on a plain http request.
/// </summary>
public sealed class ProductionHeaderTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Production_marks_every_cookie_secure_and_answers_https_with_HSTS()
    {
        var client = ResponseHeaderTests.WithoutJar(portal, null, https: true);
        var form = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        ResponseHeaderTests.AssertSecurityHeaders(form);
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

        // Not on the loopback name (ASP.NET Core leaves localhost out of HSTS), as a browser reaches the real site.
        using var named = new HttpRequestMessage(HttpMethod.Get, "/");
        named.Headers.Host = "exam.example.cn";
        var secure = await client.SendAsync(named);
        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        ResponseHeaderTests.AssertSecurityHeaders(secure);
    }
}
