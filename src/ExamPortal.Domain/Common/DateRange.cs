namespace ExamPortal.Domain.Common;

// Inclusive at both ends, as the announcement writes windows ("2月6日—2月13日").
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    // Get-only so that a `with` expression cannot bypass the check.
    public DateOnly Start { get; } = Start <= End ? Start : throw new DomainRuleException("开始日期不能晚于结束日期");

    public DateOnly End { get; } = End;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    // Windows close at the end of the last day in China, whatever the caller's offset.
    public bool Contains(DateTimeOffset instant) => Contains(ChinaTime.DateOf(instant));

    public IEnumerable<DateOnly> Days()
    {
        for (var day = Start; day <= End; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
