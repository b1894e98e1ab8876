using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Calendar;

// Holidays are announced each November for the next year; guessing them would put wrong deadlines in front of users.
public sealed class CalendarYearMissingException(int year)
    : DomainRuleException($"{year}年的工作日历尚未录入，请中心管理员先在“节假日日历”中录入该年度的放假和调休安排。")
{
    public int Year { get; } = year;
}
