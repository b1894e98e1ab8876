using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ExamPortal.Bench;

/// <summary>
/// The portal built in Release, started as a child process the way a deployment runs it (dotnet ExamPortal.Web.dll,
/// content root the project directory as ./run.sh does) on a free port against the bench database, in the
/// non-production environment "Bench" with the raw floors on and logging at Warning. Settings of its own come in
/// <c>extraEnvironment</c>, and every variable of the bench named BENCH_PORTAL_ENV_&lt;Name&gt; reaches the portal as
/// &lt;Name&gt; (e.g. BENCH_PORTAL_ENV_RateLimits__Enabled=false), so a run can change one without a code change.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    private const string PassThroughPrefix = "BENCH_PORTAL_ENV_";

    public static async Task<PortalProcess> StartAsync(
        string portalDll, string connectionString, string clockNow, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var contentRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(portalDll)!, "..", "..", ".."));
        var start = new ProcessStartInfo("dotnet", [portalDll, "--urls", address.ToString()])
        {
            WorkingDirectory = contentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Bench";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Bench__Floors"] = "true";
        start.Environment["Clock__Now"] = clockNow;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // As ./run.sh and docs/deployment.md run the portal: glibc returns freed photo buffers (history.md).
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = "131072";
        // The bench floods the results page and signs in hundreds of users, all from 127.0.0.1: the per-client limits
        // would measure the 429 page instead of the portal.
        foreach (var policy in new[] { "SignIn", "SignUp", "PublicLookup", "Results" })
        {
            start.Environment[$"RateLimits__{policy}__PermitLimit"] = "1000000";
        }

        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var variable in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(v => v.StartsWith(PassThroughPrefix, StringComparison.Ordinal)))
        {
            start.Environment[variable[PassThroughPrefix.Length..]] = Environment.GetEnvironmentVariable(variable);
        }

        start.Environment.Remove("DOTNET_URLS");
        start.Environment.Remove("ASPNETCORE_URLS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, address);

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited during start-up with status {process.ExitCode}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        await portal.DisposeAsync();
        throw new InvalidOperationException($"The portal did not answer {address}health within 120 s");
    }

    /// <summary>A field of /proc/&lt;pid&gt;/status in MB (VmHWM: peak resident set since start; VmRSS: now).</summary>
    public double StatusMegabytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.Error.WriteLine("portal: " + line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
