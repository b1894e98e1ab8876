using MimeKit;

namespace ExamPortal.Web.Features.Outbox.Capture;

/// <summary>One e-mail as the capture listener received it over SMTP, parsed with MimeKit.</summary>
public sealed record CapturedEmail(
    string From, IReadOnlyList<string> To, IReadOnlyList<string> EnvelopeRecipients, string Subject, string TextBody,
    string? MessageId, DateTimeOffset ReceivedAt, MimeMessage Message);

/// <summary>
/// What the in-process SMTP listener received (Development and tests, never Production): the newest
/// <see cref="Capacity"/> mails, in the order they arrived. <see cref="Port"/> is where the listener is.
/// </summary>
public sealed class CapturedMail
{
    public const int Capacity = 1000;

    private readonly object _gate = new();
    private readonly List<CapturedEmail> _mails = [];
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The listener's port once it listens; null before (or when capture is off).</summary>
    public int? Port => _port.Task.IsCompletedSuccessfully ? _port.Task.Result : null;

    public IReadOnlyList<CapturedEmail> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _mails];
            }
        }
    }

    public IReadOnlyList<CapturedEmail> To(string address) =>
        [.. All.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Waits for the listener (it starts with the host, before the sender does).</summary>
    public Task<int> PortAsync(CancellationToken ct) => _port.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

    internal void Listening(int port) => _port.TrySetResult(port);

    internal void Add(CapturedEmail mail)
    {
        lock (_gate)
        {
            _mails.Add(mail);
            if (_mails.Count > Capacity)
            {
                _mails.RemoveRange(0, _mails.Count - Capacity);
            }
        }
    }
}
