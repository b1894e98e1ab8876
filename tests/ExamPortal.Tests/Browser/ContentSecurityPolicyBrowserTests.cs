using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Seed;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// Chromium enforces the portal's Content-Security-Policy (no inline script or style): the public pages, a candidate's
/// registration pages (the upload script among them) and the centre's dashboard with its SVG chart draw without a
/// single violation reported to the console.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ContentSecurityPolicyBrowserTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Public_candidate_and_centre_pages_draw_without_a_content_security_policy_violation()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var draft = await _scenario.ReadyDraftAsync(userId);
        var batchId = await _scenario.BatchIdAsync(2);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();

        async Task<IPage> SignedInAsync(string login, string password)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = portal.BaseAddress.ToString() });
            // Every violation the page meets is written to the console, whatever chromium itself logs.
            await context.AddInitScriptAsync(
                "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violated: ' + e.violatedDirective + ' ' + e.blockedURI));");
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            };
            await page.GotoAsync("/Account/SignIn");
            if (login.Length > 0)
            {
                await page.GetByLabel("手机号码或邮箱").FillAsync(login);
                await page.GetByLabel("密码").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
            }

            return page;
        }

        var anonymous = await SignedInAsync(string.Empty, string.Empty);
        // The watch works: an inline style attribute added to the page is refused and reported.
        await anonymous.EvaluateAsync("() => { const d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.appendChild(d); }");
        await Assertions.Expect(anonymous.Locator("h1")).ToBeVisibleAsync();
        for (var wait = 0; violations.Count == 0 && wait < 50; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(violations, v => v.Contains("style-src", StringComparison.Ordinal));
        violations.Clear();
        foreach (var path in new[] { "/", "/Schedule", "/Catalogue", "/Results", "/Tickets/Download", "/Certificates/Query", "/Account/SignUp", "/Account/Recover", "/no-such-page" })
        {
            await anonymous.GotoAsync(path);
            await Assertions.Expect(anonymous.Locator("h1")).ToBeVisibleAsync();
        }

        var candidate = await SignedInAsync(mobile, Scenario.Password);
        foreach (var path in new[] { "/Candidate", "/Candidate/Registrations", $"/Candidate/Registrations/Photo/{draft}", $"/Candidate/Registrations/Scans/{draft}" })
        {
            await candidate.GotoAsync(path);
            await Assertions.Expect(candidate.Locator("h1")).ToBeVisibleAsync();
        }

        var centre = await SignedInAsync(SignedIn.LoginOf(Role.CentreAdmin), DemoDataSeeder.Password);
        await centre.GotoAsync($"/Centre/Batches/Dashboard/{batchId}");
        await Assertions.Expect(centre.Locator("svg[role='img']").First).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
