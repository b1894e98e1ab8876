using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Calendar;

// What the centre may change in the holiday calendar. Deadlines are counted from the calendar whenever they are
// shown, so a day that has gone by stays as it was: rewriting it would silently move deadlines already announced.
public static class CalendarChange
{
    public const int FirstYear = 2026;
    public const int LastYear = 2100;
    public const int MaxHolidayRunDays = 31;
    public const int NoteMaxLength = 100;
    public const int SourceMaxLength = 200;

    public static string? RefusalToAddYear(int year, string? source, bool exists, DateOnly today) =>
        year is < FirstYear or > LastYear ? $"年度应在{FirstYear}到{LastYear}之间"
        : year < today.Year ? $"{year}年已经过去，不能再录入该年度的日历"
        : exists ? $"{year}年的工作日历已录入，请在该年度中增删日期"
        : string.IsNullOrWhiteSpace(source) ? "请填写依据，例如“国务院办公厅关于2027年部分节假日安排的通知”"
        : source.Trim().Length > SourceMaxLength ? $"依据不能超过{SourceMaxLength}字"
        : null;

    public static string? RefusalToAddHolidays(WorkingDayCalendar calendar, int year, DateOnly from, DateOnly to, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from)
        {
            return $"结束日期（{ChineseText.Date(to)}）早于开始日期（{ChineseText.Date(from)}），请把结束日期改为开始日期当天或之后";
        }

        if (from.Year != year || to.Year != year)
        {
            return $"放假日期须在{year}年内，请核对日期";
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxHolidayRunDays)
        {
            return $"一次最多录入{MaxHolidayRunDays}天，请核对结束日期";
        }

        return NoteProblem(note) ?? PastProblem(from, today)
            ?? new DateRange(from, to).Days()
                .Select(day => calendar.RefusalToAdd(new CalendarException(day, CalendarDayKind.Holiday, note!.Trim())))
                .FirstOrDefault(refusal => refusal is not null);
    }

    public static string? RefusalToAddMakeUpDay(WorkingDayCalendar calendar, int year, DateOnly date, string? note, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return date.Year != year ? $"调休上班日须在{year}年内，请核对日期"
            : NoteProblem(note) ?? PastProblem(date, today)
            ?? calendar.RefusalToAdd(new CalendarException(date, CalendarDayKind.MakeUpWorkingDay, note!.Trim()));
    }

    public static string? RefusalToRemove(DateOnly date, DateOnly today) => PastProblem(date, today);

    private static string? NoteProblem(string? note) =>
        string.IsNullOrWhiteSpace(note) ? "请填写说明，例如“春节放假”或“春节调休上班”"
        : note.Trim().Length > NoteMaxLength ? $"说明不能超过{NoteMaxLength}字"
        : null;

    private static string? PastProblem(DateOnly date, DateOnly today) =>
        date < today ? $"{ChineseText.Date(date)}已经过去，按原日历计算的期限不能再改变，请只修改今天（{ChineseText.Date(today)}）及以后的日期" : null;
}
