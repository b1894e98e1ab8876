using System.Globalization;
using System.Text;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Bench;

/// <summary>
/// Issue 10: the public pages against the raw floor, side by side in one run. The portal runs in Release as a child
/// process over a generated population; a C# load generator (64 workers on 64 connections) measures in turn, in every
/// run, floor A (a constant string), floor B (one raw Npgsql lookup of a certificate by number, as JSON), the
/// certificate verification page and the public results page, each over random keys of the population.
/// </summary>
internal static class WebBench
{
    private const int Workers = 64;

    // After every 2026 batch's publicity period: the results page has ten published batches to pick from.
    private const string ClockNow = "2026-12-28T10:00";

    private sealed record Target(string Name, string Marker, Func<Random, string> Url)
    {
        public List<LoadSample> Samples { get; } = [];
    }

    public static async Task<string> RunAsync(IServiceProvider provider, string connectionString, int runs)
    {
        var portalDll = Environment.GetEnvironmentVariable("BENCH_PORTAL_DLL")
            ?? throw new InvalidOperationException("BENCH_PORTAL_DLL (the Release build of ExamPortal.Web.dll) is not set: run bench/run.sh");
        var seconds = Setting("BENCH_WEB_SECONDS", 10);
        var warmUp = Setting("BENCH_WEB_WARMUP", 3);
        var load = Machine.Load();

        var population = await WebPopulationBuilder.BuildAsync(connectionString, Setting("BENCH_WEB_REGISTRATIONS", 20_000), Setting("BENCH_WEB_CERTIFICATES", 100_000));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"population: {population.Registrations} registrations, {population.Certificates} certificates in {population.Seconds:0.0} s"));

        // The portal verifies with the key in the same database: the first signature here creates it.
        var tokens = provider.GetRequiredService<VerificationTokens>();
        var numbers = population.CertificateNumbers;
        var signed = new string[numbers.Count];
        for (var i = 0; i < numbers.Count; i++)
        {
            signed[i] = Uri.EscapeDataString(await tokens.SignAsync(CertificateDocuments.CertificatePurpose, numbers[i], CancellationToken.None));
        }

        var batches = population.PublishedBatchIds;
        Target[] targets =
        [
            new("floor A: constant string", "ExamPortal", _ => "/bench/floor/constant"),
            new("floor B: one Npgsql lookup by certificate number, JSON", "\"number\"", r => $"/bench/floor/certificate/{numbers[r.Next(numbers.Count)]}"),
            new("certificate verification page /Certificates/Verify/{token}", "证书真实有效", r => $"/Certificates/Verify/{signed[r.Next(signed.Length)]}"),
            new("public results page /Results?BatchId={id}&Project={code}", "id=\"publicity\"",
                r => $"/Results?BatchId={batches[r.Next(batches.Count)].ToString(CultureInfo.InvariantCulture)}&Project={(r.Next(22) + 1).ToString("00", CultureInfo.InvariantCulture)}"),
        ];

        await using var portal = await PortalProcess.StartAsync(portalDll, connectionString, ClockNow);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Workers,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = portal.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Each target answers its page (not an error page) before anything is measured.
        var random = new Random(1);
        foreach (var target in targets)
        {
            var body = await client.GetStringAsync(new Uri(target.Url(random), UriKind.Relative));
            if (!body.Contains(target.Marker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{target.Name} did not answer what it should (no {target.Marker})");
            }
        }

        var afterStart = portal.StatusMegabytes("VmRSS");
        var peakRss = afterStart;
        var generator = new LoadGenerator(client, Workers);
        for (var run = 0; run < runs; run++)
        {
            foreach (var target in targets)
            {
                var sample = await generator.RunAsync(target.Url, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds));
                target.Samples.Add(sample);
                peakRss = Math.Max(peakRss, portal.StatusMegabytes("VmRSS"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: {target.Name}: {sample.RequestsPerSecond:0} req/s, p50 {sample.P50Milliseconds:0.0} ms, p99 {sample.P99Milliseconds:0.0} ms, {sample.Errors} errors"));
            }
        }

        var report = new Report(population, targets, runs, seconds, warmUp, load, afterStart, peakRss, portal.StatusMegabytes("VmHWM"));
        return report.ToMarkdown();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record Report(
        WebPopulation Population, Target[] Targets, int Runs, int Seconds, int WarmUp, string Load, double RssAfterStart, double PeakRss, double Hwm)
    {
        private Target FloorA => Targets[0];

        private Target FloorB => Targets[1];

        private Target Verification => Targets[2];

        private Target Results => Targets[3];

        public string ToMarkdown()
        {
            var text = new StringBuilder()
                .AppendLine("# Public pages against the raw floor")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; .NET {Environment.Version}; commit {Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "?"}; {Machine.LoadNote(Load)}")
                .AppendLine(CultureInfo.InvariantCulture, $"- portal: Release build started as its own process (dotnet ExamPortal.Web.dll, environment Bench, logging at Warning, Bench:Floors on, clock {ClockNow}) on the bench's PostgreSQL; the load generator runs on the same machine and shares its cores")
                .AppendLine(CultureInfo.InvariantCulture, $"- population (SQL, {Population.Seconds:0.0} s): {Population.Registrations:N0} registrations ticketed and scored, {Population.Certificates:N0} certificates; the results page asks for a random one of 2026's {Population.PublishedBatchIds.Count} published batches (up to {Population.LargestBatch:N0} scores each) and a random one of the 22 projects (100 rows a page); anonymous visitors get it from the output cache after its first render")
                .AppendLine(CultureInfo.InvariantCulture, $"- load: {Workers} workers on one HttpClient (SocketsHttpHandler, MaxConnectionsPerServer {Workers}), each a GET for a random key as soon as the previous answer is read; per target {WarmUp} s warm-up then {Seconds} s measured; {Runs} runs, each measuring the four targets in turn, so every ratio is taken within one run and min/median/max are over the runs")
                .AppendLine()
                .AppendLine("| target | req/s min | median | max | p50 ms min | median | max | p99 ms min | median | max | errors |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var t in Targets)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {t.Name} | {Spread(t.Samples.Select(s => s.RequestsPerSecond), "0")} | {Spread(t.Samples.Select(s => s.P50Milliseconds), "0.0")} | {Spread(t.Samples.Select(s => s.P99Milliseconds), "0.0")} | {t.Samples.Sum(s => s.Errors)} |"));
            }

            text.AppendLine()
                .AppendLine("## Ratios (each run's own, then min / median / max over the runs)")
                .AppendLine()
                .AppendLine("| ratio | min | median | max | target | bar | verdict (median) |")
                .AppendLine("|---|---|---|---|---|---|---|")
                .AppendLine(Ratio("verification req/s ÷ floor B req/s", Verification, FloorB, s => s.RequestsPerSecond, 0.5, 0.35, higherIsBetter: true))
                .AppendLine(Ratio("verification p99 ÷ floor B p99", Verification, FloorB, s => s.P99Milliseconds, 3, null, higherIsBetter: false))
                .AppendLine(Ratio("results req/s ÷ floor B req/s", Results, FloorB, s => s.RequestsPerSecond, 0.35, null, higherIsBetter: true))
                .AppendLine(Ratio("floor B req/s ÷ floor A req/s (what one database round trip costs)", FloorB, FloorA, s => s.RequestsPerSecond, null, null, higherIsBetter: true))
                .AppendLine()
                .AppendLine("## Portal memory")
                .AppendLine()
                .AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"Resident set after start-up and the first requests {RssAfterStart:0} MB; highest after a measured window {PeakRss:0} MB; peak since start (VmHWM of /proc/<pid>/status) {Hwm:0} MB."))
                .AppendLine()
                .Append(new Targets()
                    .Add("verification page req/s ÷ floor B req/s", MedianRatio(Verification, FloorB, s => s.RequestsPerSecond), "×", 0.5, higherIsBetter: true, bar: 0.35)
                    .Add("verification page p99 ÷ floor B p99", MedianRatio(Verification, FloorB, s => s.P99Milliseconds), "×", 3, higherIsBetter: false)
                    .Add("results page req/s ÷ floor B req/s", MedianRatio(Results, FloorB, s => s.RequestsPerSecond), "×", 0.35, higherIsBetter: true)
                    .ToMarkdown());
            return text.ToString();
        }

        private List<double> Ratios(Target a, Target b, Func<LoadSample, double> measure) =>
            [.. Enumerable.Range(0, Runs).Select(i => measure(a.Samples[i]) / measure(b.Samples[i]))];

        private double MedianRatio(Target a, Target b, Func<LoadSample, double> measure) => Floor.Median(Ratios(a, b, measure));

        private string Ratio(string what, Target a, Target b, Func<LoadSample, double> measure, double? target, double? bar, bool higherIsBetter)
        {
            var ratios = Ratios(a, b, measure);
            var median = Floor.Median(ratios);
            bool Meets(double limit) => higherIsBetter ? median >= limit : median <= limit;
            var verdict = target is not { } goal ? "—"
                : Meets(goal) ? "met"
                : bar is { } minimum && Meets(minimum) ? "bar met, target missed"
                : "missed";
            var sign = higherIsBetter ? "≥" : "≤";
            return string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {ratios.Min():0.00} | {median:0.00} | {ratios.Max():0.00} | {(target is { } t ? $"{sign} {t:0.##}" : "—")} | {(bar is { } m ? $"{sign} {m:0.##}" : "—")} | {verdict} |");
        }

        private static string Spread(IEnumerable<double> values, string format)
        {
            var list = values.ToList();
            return string.Format(CultureInfo.InvariantCulture, $"{{0:{format}}} | {{1:{format}}} | {{2:{format}}}", list.Min(), Floor.Median(list), list.Max());
        }
    }
}
