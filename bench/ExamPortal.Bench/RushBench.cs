using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Uploads;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExamPortal.Bench;

/// <summary>
/// Issue 10: the registration rush and sign-in capacity, over HTTP to the portal run as its own process in batch 2's
/// registration window. Every run makes N fresh candidate accounts, starts a fresh portal, warms it with two candidates
/// who go through everything, then (1) signs the N in at once, each with a cookie jar of its own, against the PBKDF2
/// cost measured in this process in the same run, and (2) lets the N do the whole wizard at once, as a phone's browser
/// does it: draft, details, a several-MB camera photo, five 200–300 KB scans, commitment, submit. Each page is timed;
/// the portal's resident set is sampled throughout; at the end the database must hold exactly N submitted registrations.
/// Each run does the rush twice, each time with fresh accounts and a fresh portal: once with the photo as the page's
/// script sends it (shrunk in the browser), once with the camera file as it is (a browser without the script).
/// BENCH_RUSH_PHOTO=browser or camera keeps one of the two.
/// </summary>
internal static class RushBench
{
    // Batch 2's registration window is 9–11 March 2026 (announcement); the clock keeps ticking from here.
    private const string ClockNow = "2026-03-10T10:00+08:00";
    private const string Password = "Rush-2026-pass";
    private const int WarmUpCandidates = 2;
    private const int SampleMilliseconds = 20;

    // Sign-in capacity is measured closed-loop, like the public pages: this many at a time, each taking the next
    // candidate as soon as its sign-in is done, enough to keep every core hashing without queueing hundreds.
    private const int SignInWorkers = 16;
    private const string BrowserPhoto = "browser";
    private const string CameraPhoto = "camera";
    private static readonly string[] ProjectCodes = ["01", "02", "03", "04", "05"];

    public static async Task<string> RunAsync(IServiceProvider provider, string connectionString, int runs)
    {
        var portalDll = Environment.GetEnvironmentVariable("BENCH_PORTAL_DLL")
            ?? throw new InvalidOperationException("BENCH_PORTAL_DLL (the Release build of ExamPortal.Web.dll) is not set: run bench/run.sh");
        var candidates = int.TryParse(Environment.GetEnvironmentVariable("BENCH_RUSH_CANDIDATES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 200;
        var load = Machine.Load();

        var camera = RushFiles.PhonePhoto();
        var scans = RushFiles.Scans();
        var kept = Environment.GetEnvironmentVariable("BENCH_RUSH_PHOTO");
        var variants = new[]
        {
            new PhotoVariant(BrowserPhoto, "photo shrunk by the page's script", RushFiles.ShrunkInBrowser(camera)),
            new PhotoVariant(CameraPhoto, "camera file as it is", camera),
        }.Where(v => string.IsNullOrEmpty(kept) || v.Name == kept).ToList();
        if (variants.Count == 0)
        {
            throw new InvalidOperationException($"BENCH_RUSH_PHOTO is {kept}: use {BrowserPhoto} or {CameraPhoto}, or leave it unset for both");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files: camera photo 3000x4000 {camera.Length / 1048576.0:0.0} MB, shrunk by the script {RushFiles.ShrunkInBrowser(camera).Length / 1024} KB, scans {string.Join(", ", scans.Select(s => $"{s.Length / 1024} KB"))}"));

        var hasher = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordRule.HashIterations }));
        var hash = hasher.HashPassword(new PortalUser(), Password);
        var plans = await PlansAsync(connectionString);

        var samples = new List<RushSample>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var variant in variants)
            {
                samples.Add(await RushOnceAsync(provider, portalDll, connectionString, (run * variants.Count) + variants.IndexOf(variant), run, variant, candidates, hasher, hash, plans, scans));
            }
        }

        return new Report(samples, variants, candidates, runs, load, camera.Length, scans.Select(s => s.Length).ToList()).ToMarkdown();
    }

    private static async Task<RushSample> RushOnceAsync(
        IServiceProvider provider, string portalDll, string connectionString, int population, int run, PhotoVariant variant, int candidates,
        PasswordHasher<PortalUser> hasher, string hash, List<int> plans, IReadOnlyList<byte[]> scans)
    {
        var photo = variant.Photo;
        var costs = ProcessingCosts(hasher, hash, photo, scans);
        var people = await CandidatesAsync(provider, population, candidates + WarmUpCandidates, hash);
        await using var portal = await PortalProcess.StartAsync(portalDll, connectionString, ClockNow);

        // Warm-up: the first sign-in and the first pass through every page JIT-compile and fill the pools.
        foreach (var person in people.Take(WarmUpCandidates))
        {
            using var warm = new RushCandidate(portal.Address);
            await warm.SignInAsync(person.Mobile, Password);
            await warm.RegisterAsync(plans[0], DetailsFor(ProjectCodes[0]), photo, scans);
        }

        var measured = people.Skip(WarmUpCandidates).ToList();
        var clients = measured.Select(_ => new RushCandidate(portal.Address)).ToList();
        try
        {
            var signIn = await AllAtOnceAsync(measured.Count, i => clients[i].SignInAsync(measured[i].Mobile, Password), SignInWorkers);
            var signInTimings = clients.SelectMany(c => c.Timings).ToList();
            var signInCounts = clients.Select(c => c.Timings.Count).ToList();
            var rssBefore = portal.StatusMegabytes("VmRSS");
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                var peak = 0.0;
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, portal.StatusMegabytes("VmRSS"));
                    await Task.Delay(SampleMilliseconds, CancellationToken.None);
                }

                return peak;
            });
            var rush = await AllAtOnceAsync(measured.Count, i =>
                clients[i].RegisterAsync(plans[i % plans.Count], DetailsFor(ProjectCodes[i % plans.Count]), photo, scans));
            await stop.CancelAsync();
            var peakRss = Math.Max(await sampler, portal.StatusMegabytes("VmRSS"));
            var rushTimings = clients.SelectMany((c, i) => c.Timings.Skip(signInCounts[i])).ToList();
            var submitted = await SubmittedAsync(connectionString, measured.Select(p => p.UserId).ToArray());
            var sample = new RushSample(variant.Name, costs, signIn, signInTimings, rush, rushTimings, submitted, rssBefore, peakRss, portal.StatusMegabytes("VmHWM"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}, {variant.Description}: hash {costs.HashMilliseconds:0} ms; sign-in {measured.Count / signIn.Seconds:0.0}/s ({signIn.Failures} failed); rush {sample.SubmissionsPerSecond:0.00} submissions/s in {rush.Seconds:0.0} s, p95 {sample.RushP95:0} ms, {rush.Failures} failed candidates, {submitted} submitted; portal peak {peakRss:0} MB"));
            foreach (var failure in signIn.Messages.Concat(rush.Messages).Distinct().Take(5))
            {
                Console.WriteLine("  failure: " + failure);
            }

            return sample;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static RushForm DetailsFor(string projectCode) => new(
        new Dictionary<string, string>
        {
            ["Input.Education"] = "Bachelor",
            ["Input.Address"] = "成都市武侯区人民南路四段1号",
            ["Input.School"] = "四川大学",
            ["Input.Major"] = "统计学",
            ["Input.Employer"] = "成都某数据公司",
            ["Input.Occupation"] = "数据分析员",
        },
        Announcement2026.Projects.Single(p => p.Code == projectCode).Eligibility.RequiredDeclarations);

    // Everyone at once (or at most `workers` at a time): each starts when all are ready, the wall time is until the
    // last one ends.
    private static async Task<Wave> AllAtOnceAsync(int count, Func<int, Task> work, int? workers = null)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slots = new SemaphoreSlim(workers ?? count);
        var messages = new List<string>();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await go.Task;
            await slots.WaitAsync();
            try
            {
                await work(i);
                return true;
            }
            catch (Exception ex) when (ex is RushStepException or HttpRequestException or TaskCanceledException)
            {
                lock (messages)
                {
                    messages.Add(ex.Message);
                }

                return false;
            }
            finally
            {
                slots.Release();
            }
        })).ToList();
        var watch = Stopwatch.StartNew();
        go.SetResult();
        var results = await Task.WhenAll(tasks);
        return new Wave(watch.Elapsed.TotalSeconds, results.Count(r => !r), messages);
    }

    // What the CPU pays per candidate in-process, measured here in the same run (median of several).
    private static Costs ProcessingCosts(PasswordHasher<PortalUser> hasher, string hash, byte[] photo, IReadOnlyList<byte[]> scans)
    {
        var photos = new PhotoProcessor(NullLogger<PhotoProcessor>.Instance);
        var scanner = new ScanProcessor(NullLogger<ScanProcessor>.Instance);
        var user = new PortalUser();
        var hashMs = Median(7, () =>
        {
            if (hasher.VerifyHashedPassword(user, hash, Password) == PasswordVerificationResult.Failed)
            {
                throw new InvalidOperationException("the bench's own password hash does not verify");
            }
        });
        var photoMs = Median(3, () =>
        {
            if (photos.Inspect(photo).Verdict != PhotoVerdict.NeedsFitting)
            {
                throw new InvalidOperationException("the camera photo should need fitting");
            }

            photos.Fit(photo);
        });
        var scanMs = Median(5, () =>
        {
            if (scanner.Inspect(scans[0]).Verdict != ScanVerdict.Accepted)
            {
                throw new InvalidOperationException("the bench's scan should be accepted as it is");
            }
        });
        return new Costs(hashMs, photoMs, scanMs);
    }

    private static double Median(int times, Action action)
    {
        action();
        var values = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            values.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Floor.Median(values);
    }

    // Accounts made through UserManager without a password (no hashing per account), all given the one real
    // PBKDF2 hash computed above: a sign-in verifies it exactly as it would a hash made at sign-up.
    private static async Task<List<Person>> CandidatesAsync(IServiceProvider provider, int run, int count, string hash)
    {
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var mobile = string.Create(CultureInfo.InvariantCulture, $"139{run:00}{i:000000}");
            // A day of birth of its own per account and rush, all adults in 2026 however many rushes run.
            var birth = new DateOnly(1975, 1, 1).AddDays((run * count) + i);
            var idNumber = IdentityNumber.ComposeResidentIdCard("510105", birth, 100 + (i % 800));
            var parsed = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, idNumber).Number!;
            var user = new PortalUser
            {
                UserName = mobile,
                PhoneNumber = mobile,
                FullName = string.Create(CultureInfo.InvariantCulture, $"考生{run}-{i}"),
                IdDocumentType = IdDocumentType.ResidentIdCard,
                IdNumber = parsed.Value,
                Gender = parsed.Gender,
                BirthDate = parsed.BirthDate,
                PasswordHash = hash,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, nameof(Role.Candidate));
            people.Add(new Person(user.Id, mobile));
        }

        return people;
    }

    private static async Task<List<int>> PlansAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.id FROM exam_plans p JOIN batches b ON b.id = p.batch_id JOIN projects pr ON pr.id = p.project_id
            WHERE b.year = 2026 AND b.number = 2 AND pr.code = ANY(@codes) ORDER BY pr.code
            """, connection);
        command.Parameters.AddWithValue("codes", ProjectCodes);
        var plans = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plans.Add(reader.GetInt32(0));
        }

        return plans.Count == ProjectCodes.Length ? plans : throw new InvalidOperationException("batch 2 of 2026 has no plans for projects 01–05");
    }

    private static async Task<int> SubmittedAsync(string connectionString, string[] userIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM registrations WHERE candidate_user_id = ANY(@users) AND status = 'Submitted' AND submitted_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("users", userIds);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Person(string UserId, string Mobile);

    private sealed record Costs(double HashMilliseconds, double PhotoMilliseconds, double ScanMilliseconds);

    private sealed record Wave(double Seconds, int Failures, IReadOnlyList<string> Messages);

    private sealed record PhotoVariant(string Name, string Description, byte[] Photo);

    private sealed record RushSample(
        string Variant, Costs Costs, Wave SignIn, List<PageTiming> SignInTimings, Wave Rush, List<PageTiming> RushTimings, int Submitted,
        double RssBefore, double PeakRss, double Hwm)
    {
        public int Candidates => SignInTimings.Count / 2;

        public double SignInsPerSecond => Candidates / SignIn.Seconds;

        public double SignInTarget => 0.8 * Environment.ProcessorCount * 1000 / Costs.HashMilliseconds;

        public double SubmissionsPerSecond => Submitted / Rush.Seconds;

        public double RushP95 => Percentile(RushTimings.Where(t => !t.Failed).Select(t => t.Milliseconds), 0.95);
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private sealed record Report(List<RushSample> Samples, List<PhotoVariant> Variants, int Candidates, int Runs, string Load, int PhotoBytes, List<int> ScanBytes)
    {
        public string ToMarkdown()
        {
            var text = new StringBuilder()
                .AppendLine("# Registration rush and sign-in capacity")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; .NET {Environment.Version}; commit {Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "?"}; {Machine.LoadNote(Load)}")
                .AppendLine(CultureInfo.InvariantCulture, $"- portal: Release build started as its own process for every rush (dotnet ExamPortal.Web.dll, environment Bench, logging at Warning, clock {ClockNow}, inside batch 2's registration window) on the bench's PostgreSQL; the candidates' HTTP clients run on the same machine and share its cores")
                .AppendLine(CultureInfo.InvariantCulture, $"- {Runs} runs, each doing the rush once per photo ({string.Join("; ", Variants.Select(v => v.Description))}); population per rush: {Candidates} fresh candidate accounts (+{WarmUpCandidates} for the warm-up) made through UserManager without a password, all given one real Identity V3 hash (PBKDF2-HMAC-SHA512, {PasswordRule.HashIterations:N0} iterations) computed once by the bench; every sign-in verifies it in full")
                .AppendLine(CultureInfo.InvariantCulture, $"- files: one camera photo, a 3000×4000 JPEG of {PhotoBytes / 1048576.0:0.0} MB (generated once: soft shapes under grain, quality 92); the same photo as the photo page's script sends it (wwwroot/js/uploads.js: at most {UploadRules.PhotoShrinkLongestSide} pixels on the long side, JPEG quality 90){string.Concat(Variants.Where(v => v.Name == BrowserPhoto).Select(v => $", {v.Photo.Length / 1024} KB"))}; and five different A4 scans at 150 dpi, JPEGs of {string.Join(", ", ScanBytes.Select(b => $"{b / 1024} KB"))}; the same bytes for every candidate")
                .AppendLine(CultureInfo.InvariantCulture, $"- sign-in: the candidates by {SignInWorkers} workers, each sign-in with a cookie jar of its own: GET /Account/SignIn, POST the form with its antiforgery token; sign-ins/s = candidates ÷ wall time (over every rush of every run)")
                .AppendLine("- rush: then all of them at once through the wizard as a browser does it (forms read from the pages, hidden fields and antiforgery tokens posted back, every redirect followed with a GET): choose a plan of batch 2 (projects 01–05 in turn) → details → photo upload → the fitted photo's preview → accept → proof type → 5 × (scan upload → scans page) → commitment → summary → submit → the registration's page; any answer other than the one the wizard leads to fails that candidate; submissions/s = registrations found Submitted in the database ÷ wall time of the rush")
                .AppendLine()
                .AppendLine("| figure | min | median | max | target | verdict (median) |")
                .AppendLine("|---|---|---|---|---|---|")
                .AppendLine(Row("PBKDF2 hash, ms (VerifyHashedPassword, median of 7, in the bench process)", s => s.Costs.HashMilliseconds, "0.0"))
                .AppendLine(Row("sign-in target: 0.8 × cores × 1000 ÷ hash ms, per s", s => s.SignInTarget, "0.0"))
                .AppendLine(Row("sign-ins/s over HTTP (GET form + POST)", s => s.SignInsPerSecond, "0.0", Samples.Select(s => s.SignInTarget).Order().ElementAt(Samples.Count / 2), true))
                .AppendLine(Row("sign-ins/s ÷ target", s => s.SignInsPerSecond / s.SignInTarget, "0.00", 1, true));
            foreach (var variant in Variants)
            {
                var among = Of(variant);
                text.AppendLine(Row($"rush, {variant.Description}: submissions/s", s => s.SubmissionsPerSecond, "0.00", 50, true, among))
                    .AppendLine(Row($"rush, {variant.Description}: wall time, s", s => s.Rush.Seconds, "0.0", among: among))
                    .AppendLine(Row($"rush, {variant.Description}: p95 of every page, ms", s => s.RushP95, "0", 300, false, among))
                    .AppendLine(Row($"rush, {variant.Description}: portal resident set before, MB", s => s.RssBefore, "0", among: among))
                    .AppendLine(Row($"rush, {variant.Description}: portal peak resident set, MB (VmRSS every 20 ms)", s => s.PeakRss, "0", 400, false, among))
                    .AppendLine(Row($"rush, {variant.Description}: portal VmHWM at the end (since start), MB", s => s.Hwm, "0", among: among));
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"| failed sign-ins / failed candidates in the rush (all runs) | {Samples.Sum(s => s.SignIn.Failures)} / {Samples.Sum(s => s.Rush.Failures)} | | | 0 | {(Samples.Sum(s => s.SignIn.Failures + s.Rush.Failures) == 0 ? "met" : "missed")} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| submitted registrations found in the database per rush | {string.Join(", ", Samples.Select(s => s.Submitted))} | | | {Candidates} each | {(Samples.All(s => s.Submitted == Candidates) ? "met" : "missed")} |");
            foreach (var variant in Variants)
            {
                var among = Of(variant);
                text.AppendLine()
                    .AppendLine(CultureInfo.InvariantCulture, $"## Pages of the rush by kind, {variant.Description} (per run p50 / p95 / p99, then min / median / max over the runs)")
                    .AppendLine()
                    .AppendLine("| kind | requests per run | failed (all runs) | p50 ms min | median | max | p95 ms min | median | max | p99 ms min | median | max |")
                    .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
                foreach (var kind in among.SelectMany(s => s.RushTimings.Concat(s.SignInTimings)).Select(t => t.Kind).Distinct())
                {
                    List<double> Per(double p) => among.Select(s => Percentile(s.SignInTimings.Concat(s.RushTimings).Where(t => t.Kind == kind && !t.Failed).Select(t => t.Milliseconds), p)).ToList();
                    var count = among[0].SignInTimings.Concat(among[0].RushTimings).Count(t => t.Kind == kind);
                    var failed = among.Sum(s => s.SignInTimings.Concat(s.RushTimings).Count(t => t.Kind == kind && t.Failed));
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {count} | {failed} | {Spread(Per(0.50))} | {Spread(Per(0.95))} | {Spread(Per(0.99))} |");
                }
            }

            text.AppendLine()
                .AppendLine("## What one candidate costs the CPU (in the bench process, same run, median)")
                .AppendLine()
                .AppendLine("| cost | min | median | max | target | verdict |")
                .AppendLine("|---|---|---|---|---|---|");
            foreach (var variant in Variants)
            {
                var among = Of(variant);
                text.AppendLine(Row($"photo: Inspect + Fit, {variant.Description}, ms", s => s.Costs.PhotoMilliseconds, "0", among: among))
                    .AppendLine(Row($"CPU ceiling from the photo and 5 scans alone, {variant.Description}: cores × 1000 ÷ (photo + 5 scans), submissions/s", s => Environment.ProcessorCount * 1000 / (s.Costs.PhotoMilliseconds + (5 * s.Costs.ScanMilliseconds)), "0.0", among: among));
            }

            var targets = new Targets()
                .Add("sign-ins/s ÷ (0.8 × cores × 1000 ÷ hash ms)", Median(Samples, s => s.SignInsPerSecond / s.SignInTarget), "×", 1, higherIsBetter: true);
            foreach (var variant in Variants)
            {
                var among = Of(variant);
                targets.Add($"registration rush, {variant.Description}: submissions/s", Median(among, s => s.SubmissionsPerSecond), "/s", 50, higherIsBetter: true, format: "0.0")
                    .Add($"registration rush, {variant.Description}: p95 of every page", Median(among, s => s.RushP95), " ms", 300, higherIsBetter: false, format: "0")
                    .Add($"portal peak working set through the rush, {variant.Description}", Median(among, s => s.PeakRss), " MB", 400, higherIsBetter: false, format: "0");
            }

            return text.AppendLine(Row("scan: Inspect of one in-window 250 KB scan, ms", s => s.Costs.ScanMilliseconds, "0.0"))
                .AppendLine()
                .AppendLine("Issue 10 sets the targets: ≥ 50 submissions/s with p95 < 300 ms, portal working set < 400 MB through the rush, sign-in ≥ 0.8 × cores × 1000 ÷ (hash ms measured) with PBKDF2 at 210,000 iterations.")
                .AppendLine()
                .Append(targets.ToMarkdown())
                .ToString();
        }

        private List<RushSample> Of(PhotoVariant variant) => Samples.Where(s => s.Variant == variant.Name).ToList();

        private static double Median(List<RushSample> among, Func<RushSample, double> measure) => Floor.Median(among.Select(measure).ToList());

        private string Row(string what, Func<RushSample, double> measure, string format, double? target = null, bool? higherIsBetter = null, List<RushSample>? among = null)
        {
            var values = (among ?? Samples).Select(measure).ToList();
            var median = Floor.Median(values);
            var verdict = target is not { } goal ? "—" : (higherIsBetter == true ? median >= goal : median < goal) ? "met" : "missed";
            var goalText = target is { } t ? (higherIsBetter == true ? "≥ " : "< ") + t.ToString(format, CultureInfo.InvariantCulture) : "—";
            return string.Format(CultureInfo.InvariantCulture, $"| {{0}} | {{1:{format}}} | {{2:{format}}} | {{3:{format}}} | {{4}} | {{5}} |", what, values.Min(), median, values.Max(), goalText, verdict);
        }

        private static string Spread(List<double> values) => string.Format(CultureInfo.InvariantCulture, "{0:0} | {1:0} | {2:0}", values.Min(), Floor.Median(values), values.Max());
    }
}
