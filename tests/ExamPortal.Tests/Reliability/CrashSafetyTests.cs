using System.Diagnostics;
using System.Net;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.ScaleOut;
using ExamPortal.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Reliability;

/// <summary>
/// Crash safety: candidates submit their registrations at once to a real portal process, which is killed (SIGKILL, no
/// shutdown) while the submissions are in flight, then started again. Every submission acknowledged to a browser (its
/// redirect received) is in the database, none is there twice, nothing is half-written, and the candidates whose answer
/// was lost submit again on the new process with the same forms: each ends submitted exactly once.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Candidates = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Submissions_acknowledged_before_the_process_is_killed_are_kept_once_and_the_others_can_be_sent_again()
    {
        var database = $"examportal_t_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = database }.ConnectionString;
        await TestDatabase.CreateAsync(database);
        PortalProcess? portal = null;
        SharedDatabasePortal? setup = null;
        try
        {
            portal = PortalProcess.Start("portal", Settings(connectionString));
            await portal.WaitHealthyAsync(StartTimeout);
            setup = new SharedDatabasePortal(connectionString);
            await setup.InitializeAsync();
            var scenario = new Scenario(setup);
            setup.Clock.SetNow(Scenario.Batch2RegistrationOpen);
            var drafts = new List<(string Mobile, Guid Id)>();
            for (var i = 0; i < Candidates; i++)
            {
                var (userId, mobile, _) = await scenario.CandidateAsync();
                drafts.Add((mobile, await scenario.ReadyDraftAsync(userId, projectCode: i % 2 == 0 ? "01" : "02")));
            }

            // Each candidate signed in, on the summary page with its submit form, as a browser would be.
            var browsers = new List<(HttpClient Client, AngleSharp.Dom.IDocument Summary, Guid Id)>();
            foreach (var (mobile, id) in drafts)
            {
                var client = Client(portal);
                var signedIn = await client.SubmitAsync(await client.GetDocumentAsync("Account/SignIn"), "form.card",
                    new Dictionary<string, string> { ["Input.Login"] = mobile, ["Input.Password"] = Scenario.Password });
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)signedIn.StatusCode}\n{portal.Output()}");
                browsers.Add((client, await client.GetDocumentAsync($"Candidate/Registrations/Summary/{id}"), id));
            }

            // All submit at once; the process dies as soon as the first answer is back, with the rest in flight.
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
            var clock = Stopwatch.StartNew();
            var submissions = browsers.Select(b => Task.Run(async () =>
            {
                try
                {
                    var answer = await b.Client.SubmitAsync(b.Summary, "main form[method='post']", new Dictionary<string, string>());
                    if (answer.StatusCode == HttpStatusCode.Redirect
                        && answer.Headers.Location!.OriginalString.EndsWith($"/Registrations/View/{b.Id}", StringComparison.OrdinalIgnoreCase))
                    {
                        acknowledged.Add(b.Id);
                    }
                }
                catch (HttpRequestException)
                {
                    // The process died before answering: the browser never heard back.
                }
            })).ToList();
            while (acknowledged.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(60) && submissions.Any(s => !s.IsCompleted))
            {
                await Task.Delay(5);
            }

            await portal.DisposeAsync();
            portal = null;
            await Task.WhenAll(submissions);
            var heard = acknowledged.ToHashSet();
            output.WriteLine($"killed after {clock.Elapsed.TotalMilliseconds:0} ms: {heard.Count} of {Candidates} submissions acknowledged");

            portal = PortalProcess.Start("portal after the crash", Settings(connectionString));
            await portal.WaitHealthyAsync(StartTimeout);
            var before = new Dictionary<Guid, Registration>();
            foreach (var (_, id) in drafts)
            {
                before[id] = await scenario.RegistrationAsync(id);
            }

            Assert.All(heard, id => Assert.Equal(RegistrationStatus.Submitted, before[id].Status));
            Assert.All(before.Values, r => Assert.True(
                r.Status == RegistrationStatus.Submitted ? r.History.Count(e => e.To == RegistrationStatus.Submitted) == 1 : r.Status == RegistrationStatus.Draft && r.History.All(e => e.To != RegistrationStatus.Submitted),
                $"registration {r.Id} is {r.Status} with {r.History.Count(e => e.To == RegistrationStatus.Submitted)} submission entries"));
            var lost = drafts.Where(d => !heard.Contains(d.Id)).ToList();
            output.WriteLine($"after the restart: {before.Values.Count(r => r.Status == RegistrationStatus.Submitted)} submitted; {lost.Count} browsers submit again");

            // The browsers that heard nothing sign in on the new process and press 提交 again.
            foreach (var (mobile, id) in lost)
            {
                var client = Client(portal);
                await client.SubmitAsync(await client.GetDocumentAsync("Account/SignIn"), "form.card",
                    new Dictionary<string, string> { ["Input.Login"] = mobile, ["Input.Password"] = Scenario.Password });
                var summary = await client.GetDocumentAsync($"Candidate/Registrations/Summary/{id}");
                if (summary.QuerySelector("main form[method='post']") is not null)
                {
                    var again = await client.SubmitAsync(summary, "main form[method='post']", new Dictionary<string, string>());
                    Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
                }
            }

            foreach (var (_, id) in drafts)
            {
                var registration = await scenario.RegistrationAsync(id);
                Assert.Equal(RegistrationStatus.Submitted, registration.Status);
                Assert.Single(registration.History, e => e.To == RegistrationStatus.Submitted);
            }
        }
        finally
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }

            if (setup is not null)
            {
                await ((IAsyncLifetime)setup).DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropAsync(database);
        }
    }

    // The in-process portal only builds the drafts and reads the outcome; the candidates, all from one address, use the process.
    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = PortalProcess.TestingSettings(connectionString, "2026-03-10T10:30");
        settings["RateLimits:SignIn:PermitLimit"] = "100000";
        return settings;
    }

    private static HttpClient Client(PortalProcess portal) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = portal.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
