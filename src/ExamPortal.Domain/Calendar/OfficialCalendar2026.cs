using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Calendar;

// 《国务院办公厅关于2026年部分节假日安排的通知》, published 2025-11-04.
public static class OfficialCalendar2026
{
    public const int Year = 2026;

    public static IReadOnlyList<CalendarException> Exceptions { get; } =
    [
        .. Holidays(1, 1, 1, 3, "元旦"),
        MakeUpWorkingDay(1, 4, "元旦"),
        MakeUpWorkingDay(2, 14, "春节"),
        .. Holidays(2, 15, 2, 23, "春节"),
        MakeUpWorkingDay(2, 28, "春节"),
        .. Holidays(4, 4, 4, 6, "清明节"),
        .. Holidays(5, 1, 5, 5, "劳动节"),
        MakeUpWorkingDay(5, 9, "劳动节"),
        .. Holidays(6, 19, 6, 21, "端午节"),
        MakeUpWorkingDay(9, 20, "国庆节"),
        .. Holidays(9, 25, 9, 27, "中秋节"),
        .. Holidays(10, 1, 10, 7, "国庆节"),
        MakeUpWorkingDay(10, 10, "国庆节"),
    ];

    public static WorkingDayCalendar Create() => new([Year], Exceptions);

    private static IEnumerable<CalendarException> Holidays(int fromMonth, int fromDay, int toMonth, int toDay, string festival) =>
        new DateRange(new DateOnly(Year, fromMonth, fromDay), new DateOnly(Year, toMonth, toDay))
            .Days()
            .Select(day => new CalendarException(day, CalendarDayKind.Holiday, $"{festival}放假"));

    private static CalendarException MakeUpWorkingDay(int month, int day, string festival) =>
        new(new DateOnly(Year, month, day), CalendarDayKind.MakeUpWorkingDay, $"{festival}调休上班");
}
