using System.Buffers;
using System.Net;
using ExamPortal.Web.Infrastructure.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ExamPortal.Web.Features.Outbox.Capture;

/// <summary>
/// A real SMTP server (SmtpServer) on 127.0.0.1, started with the host when <c>Smtp:Capture</c> is on outside Production:
/// the portal's own MailKit sender delivers to it over TCP, and every mail lands in <see cref="CapturedMail"/>.
/// Port 0 picks a free port; the sender asks <see cref="CapturedMail.Port"/> where to connect.
/// </summary>
public sealed class SmtpCaptureListener(CapturedMail mail, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpCaptureListener> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _server;
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, options.Value.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(mail, clock));
        _server = new SmtpServer.SmtpServer(serverOptions, services).StartAsync(_stop.Token);

        var first = await Task.WhenAny(bound.Task, _server).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (first != bound.Task)
        {
            await _server; // surfaces why it stopped (the port is taken, say)
            throw new InvalidOperationException("The SMTP capture listener stopped before it listened.");
        }

        var port = await bound.Task;
        mail.Listening(port);
        logger.SmtpCaptureListening(port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped again once its services are disposed (a test portal disposed twice): nothing is left to stop.
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_server is not null)
        {
            try
            {
                await _server.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (_stop.IsCancellationRequested)
            {
                // Stopping is what was asked for; a session cut short on the way says so in its own words (a cancelled
                // read, a closed socket), which is no reason to fail the host's shutdown.
                logger.SmtpCaptureStopped(ex);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Dispose();
        }
    }

    private sealed class Store(CapturedMail mail, TimeProvider clock) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream((int)buffer.Length);
            foreach (var segment in buffer)
            {
                stream.Write(segment.Span);
            }

            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            mail.Add(new CapturedEmail(
                message.From.ToString(),
                [.. message.To.Mailboxes.Select(m => m.Address)],
                [.. transaction.To.Select(m => $"{m.User}@{m.Host}")],
                message.Subject ?? string.Empty,
                message.TextBody ?? string.Empty,
                message.MessageId,
                clock.GetUtcNow(),
                message));
            return SmtpResponse.Ok;
        }
    }
}
