using System.Diagnostics;

namespace ExamPortal.Bench;

/// <summary>One measured window of one target: requests/s and latency percentiles of the successful requests.</summary>
internal sealed record LoadSample(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int Requests, int Errors);

/// <summary>
/// A closed-loop load generator: a fixed number of workers over one HttpClient, each sending a GET for a random key as
/// soon as its previous answer has been read to the end. A warm-up window first, then the measured window; an answer
/// that is not 2xx (or a failed request) counts as an error and not in the latencies.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, int workers)
{
    public async Task<LoadSample> RunAsync(Func<Random, string> url, TimeSpan warmUp, TimeSpan duration)
    {
        await WindowAsync(url, warmUp);
        return await WindowAsync(url, duration);
    }

    private async Task<LoadSample> WindowAsync(Func<Random, string> url, TimeSpan duration)
    {
        var latencies = new List<long>[workers];
        var errors = new int[workers];
        var watch = Stopwatch.StartNew();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + Environment.TickCount);
            var own = latencies[w] = new List<long>(4096);
            var buffer = new byte[16384];
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(new Uri(url(random), UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        own.Add(Stopwatch.GetTimestamp() - start);
                    }
                    else
                    {
                        errors[w]++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors[w]++;
                }
                catch (TaskCanceledException)
                {
                    errors[w]++;
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadSample(all.Length / seconds, Percentile(0.50), Percentile(0.99), all.Length, errors.Sum());
    }
}
