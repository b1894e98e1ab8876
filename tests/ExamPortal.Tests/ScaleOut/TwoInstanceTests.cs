using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace ExamPortal.Tests.ScaleOut;

/// <summary>
/// Issue 10, scale-out: two real portal processes on different ports over one PostgreSQL database, started at once on an
/// empty database. A user signs in on one and carries on on the other (cookie and antiforgery token from the first), and
/// both run the payment-abandonment job at the same moment: it acts once. The registrations are made through the usual
/// <see cref="Scenario"/> helpers by an in-process portal on the same database, which also reads the outcome.
/// </summary>
public sealed class TwoInstanceTests(ITestOutputHelper output)
{
    private const string AbandonedTitle = "未按时缴费，视为放弃报考";
    private const string InstitutionAbandonedTitle = "考生未按时缴费，视为放弃报考";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_instances_on_one_database_share_the_sign_in_and_run_the_abandonment_job_once()
    {
        var elapsed = Stopwatch.StartNew();
        var database = $"examportal_t_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = database }.ConnectionString;
        await TestDatabase.CreateAsync(database);
        var instances = new List<PortalProcess>();
        SharedDatabasePortal? setup = null;
        try
        {
            // Both start at once on an empty database: migrations, seeds and the first data-protection key run one at a time.
            foreach (var name in new[] { "instance 1", "instance 2" })
            {
                instances.Add(PortalProcess.Start(name, Settings(connectionString)));
            }

            // The in-process portal starts alongside them (a third instance waiting its turn at start-up).
            setup = new SharedDatabasePortal(connectionString);
            var setupStarted = Task.Run(setup.InitializeAsync);
            await Task.WhenAll(instances.Select(i => i.WaitHealthyAsync(StartTimeout)).Append(setupStarted));
            var (first, second) = (instances[0], instances[1]);
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: both instances answer /health ({first.BaseAddress}, {second.BaseAddress})");
            var keys = await ScalarAsync(connectionString, "SELECT count(*) FROM data_protection_keys");
            Assert.True(keys == 1, $"Three portals started at once on a new database made {keys} data-protection keys; they must agree on one.");

            var scenario = new Scenario(setup);
            setup.Clock.SetNow(Scenario.Batch2RegistrationOpen);
            var candidates = new List<(string UserId, string Mobile, Guid Registration)>();
            for (var i = 0; i < 2; i++)
            {
                var (userId, mobile, _) = await scenario.CandidateAsync();
                candidates.Add((userId, mobile, await scenario.ApprovedInBatchAsync(userId)));
            }

            var (_, staffId, institutionId) = await scenario.InstitutionAsync("91510104MA6CPAYC1X", "scale@out.example");
            var applicants = await scenario.InstitutionApprovedAsync(staffId, institutionId, ["并发甲", "并发乙"]);
            var registrations = candidates.Select(c => c.Registration).Concat(applicants).ToList();

            // Batch 2's payment window closed on 4/3 (the instances' Clock:Now is 4/4): both run the job at the same instant.
            var at = DateTimeOffset.UtcNow.AddSeconds(1);
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: {registrations.Count} approved, unpaid registrations made");
            var runs = await Task.WhenAll(instances.Select(i => RunJobAsync(i, "payment-abandonment", at)));
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: the two runs abandoned {runs[0]} and {runs[1]}");

            Assert.True(runs.Sum() == registrations.Count && runs.Min() == 0,
                $"The two runs abandoned {runs[0]} and {runs[1]}; exactly one of them should have abandoned all {registrations.Count}.");
            foreach (var id in registrations)
            {
                var registration = await scenario.RegistrationAsync(id);
                Assert.Equal(RegistrationStatus.Abandoned, registration.Status);
                Assert.Single(registration.History, e => e.To == RegistrationStatus.Abandoned);
            }

            foreach (var (userId, _, _) in candidates)
            {
                Assert.Single(await scenario.MessagesAsync(userId), m => m.Title == AbandonedTitle);
            }

            var institutionMessage = Assert.Single(await scenario.MessagesAsync(staffId), m => m.Title == InstitutionAbandonedTitle);
            Assert.Contains($"{applicants.Count}名考生", institutionMessage.Body, StringComparison.Ordinal);

            // Signed in on the first instance, the candidate reads and acts on the second.
            var (candidateId, candidateMobile, _) = candidates[0];
            var cookies = new CookieContainer();
            using var onFirst = Client(first, cookies);
            using var onSecond = Client(second, cookies);
            var signIn = await onFirst.GetDocumentAsync("Account/SignIn");
            var signedIn = await onFirst.SubmitAsync(signIn, "form.card", new Dictionary<string, string>
            {
                ["Input.Login"] = candidateMobile,
                ["Input.Password"] = Scenario.Password,
            });
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Sign-in on {first.Name} answered {(int)signedIn.StatusCode}.\n{first.Output()}");

            var messagesOnSecond = await onSecond.GetAsync("Candidate/Messages");
            Assert.True(messagesOnSecond.StatusCode == HttpStatusCode.OK,
                $"{second.Name} answered {(int)messagesOnSecond.StatusCode} ({messagesOnSecond.Headers.Location}) to a user signed in on {first.Name}: " +
                $"the authentication cookie is not readable there (data-protection keys not shared?).\n{second.Output()}");
            Assert.Contains(AbandonedTitle, await messagesOnSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var messagesOnFirst = await onFirst.GetDocumentAsync("Candidate/Messages");
            var markRead = await onSecond.PostWithTokenAsync(messagesOnFirst, "Candidate/Messages?handler=MarkRead", new Dictionary<string, string>());
            Assert.True(markRead.StatusCode == HttpStatusCode.Redirect,
                $"{second.Name} answered {(int)markRead.StatusCode} to a form whose antiforgery token came from {first.Name}.\n{second.Output()}");
            Assert.All(await scenario.MessagesAsync(candidateId), m => Assert.NotNull(m.ReadAt));
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0.0} s: signed in on {first.Name}, read and marked read on {second.Name}");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            if (setup is not null)
            {
                await ((IAsyncLifetime)setup).DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropAsync(database);
        }
    }

    // Jobs off: the test starts the run itself (Jobs:RunOnRequest) instead of the minute timer, at one instant on both.
    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = PortalProcess.TestingSettings(connectionString, "2026-04-04T08:00");
        settings["Jobs:RunOnRequest"] = "true";
        return settings;
    }

    private static async Task<int> RunJobAsync(PortalProcess instance, string job, DateTimeOffset at)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync($"dev/jobs/{job}?at={Uri.EscapeDataString(at.ToString("o"))}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"POST /dev/jobs/{job} on {instance.Name} answered {(int)response.StatusCode} (is Jobs:RunOnRequest mapped?).\n{instance.Output()}");
        var result = await response.Content.ReadFromJsonAsync<JobResult>();
        return result?.Acted ?? throw new InvalidOperationException($"{instance.Name} gave no count");
    }

    private static HttpClient Client(PortalProcess instance, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = instance.BaseAddress,
        };

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record JobResult(int Acted);
}
