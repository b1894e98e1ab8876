using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Calendar;

// Working days as the announcement counts them ("10个工作日内", "考核结束5个工作日后"):
// Monday to Friday except public holidays, plus the weekend days declared as make-up working days.
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _knownYears;
    private readonly Dictionary<DateOnly, CalendarException> _exceptions = [];

    public WorkingDayCalendar(IEnumerable<int> knownYears, IEnumerable<CalendarException> exceptions)
    {
        ArgumentNullException.ThrowIfNull(knownYears);
        ArgumentNullException.ThrowIfNull(exceptions);

        _knownYears = [.. knownYears];
        foreach (var entry in exceptions)
        {
            if (RefusalToAdd(entry) is { } refusal)
            {
                throw new ArgumentException(refusal, nameof(exceptions));
            }

            _exceptions.Add(entry.Date, entry);
        }
    }

    // The rules an entry of the official arrangement must meet; the centre's calendar administration asks the same.
    // A holiday may fall on a weekend: the notices list each festival as one run of days (春节 2/15–2/23 with
    // its weekends), and keeping the run whole lets a batch window be warned about the festival by name.
    public string? RefusalToAdd(CalendarException entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var date = ChineseText.Date(entry.Date);
        return !_knownYears.Contains(entry.Date.Year)
                ? $"{date}（{entry.Note}）所在的{entry.Date.Year}年不在已录入的年度中，请先添加该年度。"
            : entry.Kind == CalendarDayKind.MakeUpWorkingDay && !IsWeekend(entry.Date)
                ? $"调休上班日{date}不是周六或周日，请核对日期。"
            : _exceptions.ContainsKey(entry.Date)
                ? $"{date}重复录入，每个日期只能录入一次。"
            : null;
    }

    // Holidays (not make-up days) within the range, in date order: what a batch window is warned about.
    public IReadOnlyList<CalendarException> HolidaysIn(DateRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return [.. range.Days()
            .Select(day => _exceptions.GetValueOrDefault(day))
            .OfType<CalendarException>()
            .Where(entry => entry.Kind == CalendarDayKind.Holiday)];
    }

    public bool Covers(int year) => _knownYears.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!Covers(date.Year))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        return _exceptions.TryGetValue(date, out var entry)
            ? entry.Kind == CalendarDayKind.MakeUpWorkingDay
            : !IsWeekend(date);
    }

    // The n-th working day strictly after start (strictly before it when n is negative).
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = Math.Sign(n);
        var remaining = Math.Abs(n);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    // Working days d with from < d <= to, so that AddWorkingDays(from, n) is the day on which this reaches n.
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
