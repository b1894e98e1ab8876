using ExamPortal.Domain.Calendar;

namespace ExamPortal.Domain.Institutions;

/// <summary>省职鉴中心在收到报名机构提交的相关资料后进行复审，10个工作日内反馈复审结果.</summary>
public static class ReReviewDeadline
{
    public const int WorkingDays = 10;

    public static DateOnly For(DateOnly originalsReceivedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(originalsReceivedOn, WorkingDays);
    }

    /// <summary>Working days from today to the deadline (0 on the day itself), negative once it has passed.</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly deadline, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return deadline >= today ? calendar.WorkingDaysBetween(today, deadline) : -calendar.WorkingDaysBetween(deadline, today);
    }

    /// <summary>
    /// The deadline and the working days left as of today, for display; null until the originals arrive,
    /// and null where a needed year has no calendar yet (the deadline is never guessed).
    /// </summary>
    public static (DateOnly AnswerBy, int? WorkingDaysLeft)? AsOf(DateOnly? originalsReceivedOn, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (originalsReceivedOn is not { } received)
        {
            return null;
        }

        try
        {
            var deadline = For(received, calendar);
            return (deadline, calendar.Covers(today.Year) ? WorkingDaysLeft(today, deadline, calendar) : null);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }
}
