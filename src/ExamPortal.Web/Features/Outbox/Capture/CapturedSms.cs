namespace ExamPortal.Web.Features.Outbox.Capture;

/// <summary>One text as the capture endpoint received it through the SMS contract (POST JSON {to, text}).</summary>
public sealed record CapturedText(string To, string Text, string? IdempotencyKey, DateTimeOffset ReceivedAt);

/// <summary>What <c>POST /dev/sms</c> received (Development and tests, never Production): the newest texts, oldest first.</summary>
public sealed class CapturedSms
{
    public const int Capacity = 1000;

    private readonly object _gate = new();
    private readonly List<CapturedText> _texts = [];

    public IReadOnlyList<CapturedText> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _texts];
            }
        }
    }

    public IReadOnlyList<CapturedText> To(string mobile) => [.. All.Where(t => t.To == mobile)];

    internal void Add(CapturedText text)
    {
        lock (_gate)
        {
            _texts.Add(text);
            if (_texts.Count > Capacity)
            {
                _texts.RemoveRange(0, _texts.Count - Capacity);
            }
        }
    }
}
