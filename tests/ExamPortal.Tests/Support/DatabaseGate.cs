using System.Net;
using System.Net.Sockets;

namespace ExamPortal.Tests.Support;

/// <summary>
/// A TCP relay between one portal and the test PostgreSQL server that a test can close and open again, so the portal
/// sees its database go away and come back (as when PostgreSQL is stopped and started) while the server itself, shared
/// by the other tests, keeps running.
/// </summary>
public sealed class DatabaseGate : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly List<TcpClient> _open = [];
    private readonly object _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public DatabaseGate(string host, int port)
    {
        _server = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    /// <summary>Accepts connections again on the same port.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _stop = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _stop.Token);
        }
    }

    /// <summary>Refuses new connections and cuts every open one, as a stopped server does.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _stop?.Cancel();
            _listener?.Stop();
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_server, stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The gate was closed or the other side went away: end both directions.
        }

        from.Dispose();
        to.Dispose();
    }
}
