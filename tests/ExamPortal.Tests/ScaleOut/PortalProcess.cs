using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExamPortal.Tests.ScaleOut;

/// <summary>
/// The built portal (src/ExamPortal.Web's own build output, as ./run.sh runs it) as a child process on its own port:
/// a separate process shares no static or singleton with the tests or with another instance, as on another machine.
/// Killed with its process tree on dispose, and when the test host exits, so a failed test leaves nothing running.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly EventHandler _onExit;

    private PortalProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _onExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _onExit;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts the portal on a free port of 127.0.0.1 with the given settings (as environment variables).</summary>
    /// <summary>
    /// The settings of a test's portal process on <paramref name="connectionString"/> at <paramref name="clockNow"/>: migrated
    /// and seeded at start-up, mail captured, background jobs and the outbox off (a test starts what it means to).
    /// </summary>
    public static Dictionary<string, string> TestingSettings(string connectionString, string clockNow) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["ConnectionStrings:Portal"] = connectionString,
        ["Database:MigrateOnStartup"] = "true",
        ["Seed:DemoData"] = "true",
        ["Clock:Now"] = clockNow,
        ["Jobs:Enabled"] = "false",
        ["Outbox:Enabled"] = "false",
        ["Smtp:Capture"] = "true",
        ["Smtp:Port"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    public static PortalProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var (web, dll) = BuiltPortal();
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(DotnetHost(), [dll, "--urls", url])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Portal" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(name, process, new Uri(url + "/"));
        process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: dotnet {dll} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Waits until /health answers 200; fails with the portal's last output when it exits or takes too long.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"{Name} exited with code {_process.ExitCode} during start-up.\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{Name} did not answer {BaseAddress}health with 200 within {timeout.TotalSeconds:0} s.\n{Output()}");
    }

    /// <summary>The last lines the portal wrote, for failure messages.</summary>
    public string Output() => $"--- last output of {Name} ---\n{string.Join('\n', _output)}";

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped within 10 s: nothing more a test can do about it.
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    // The portal project's own build output of the configuration these tests were built in (dotnet build tests/… builds it).
    private static (string WebProject, string Dll) BuiltPortal()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent?.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ExamPortal.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null && configuration is not null, $"No ExamPortal.sln above {AppContext.BaseDirectory}: cannot find the portal to start.");
        var web = Path.Combine(root.FullName, "src", "ExamPortal.Web");
        var dll = Path.Combine(web, "bin", configuration, framework, "ExamPortal.Web.dll");
        Assert.True(File.Exists(dll), $"The built portal is missing: {dll}. Build it with `dotnet build tests/ExamPortal.Tests` (or ./test.sh).");
        return (web, dll);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
