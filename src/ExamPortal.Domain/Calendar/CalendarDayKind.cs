namespace ExamPortal.Domain.Calendar;

public enum CalendarDayKind
{
    Holiday,
    MakeUpWorkingDay,
}
