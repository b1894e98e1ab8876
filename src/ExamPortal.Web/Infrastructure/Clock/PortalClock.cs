using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Web.Infrastructure.Clock;

/// <summary>
/// The portal's only source of "now". Outside Production it can be set to another moment
/// (Clock:Now) so people and tests can see every phase of a batch; the shifted clock keeps ticking.
/// </summary>
public sealed class PortalClock : TimeProvider
{
    private static readonly TimeZoneInfo ChinaZone =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", ChinaTime.Offset, "中国标准时间", "中国标准时间");

    private readonly object _gate = new();
    private TimeSpan? _shift;

    public PortalClock(DateTimeOffset? startAt = null)
    {
        if (startAt is { } at)
        {
            SetNow(at);
        }
    }

    public bool IsShifted
    {
        get
        {
            lock (_gate)
            {
                return _shift is not null;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => ChinaZone;

    public override DateTimeOffset GetUtcNow()
    {
        var real = System.GetUtcNow();
        lock (_gate)
        {
            return _shift is { } shift ? real + shift : real;
        }
    }

    public void SetNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _shift = now - System.GetUtcNow();
        }
    }

    public DateTimeOffset ChinaNow => ChinaTime.ToChina(GetUtcNow());

    public DateOnly Today => ChinaTime.DateOf(GetUtcNow());

    /// <summary>Reads "2026-03-10T10:00" as China time; an explicit offset is honoured.</summary>
    public static DateTimeOffset ParseSetting(string value)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && HasExplicitOffset(value))
        {
            return withOffset;
        }

        var local = DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
    }

    private static bool HasExplicitOffset(string value)
    {
        var timePart = value.Contains('T', StringComparison.Ordinal) ? value[value.IndexOf('T', StringComparison.Ordinal)..] : string.Empty;
        return value.EndsWith('Z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.LastIndexOf('-') > 0;
    }
}
