using ExamPortal.Domain.Calendar;

namespace ExamPortal.Domain.Institutions;

/// <summary>省职鉴中心在收到报名机构提交的相关资料后进行复审，10个工作日内反馈复审结果.</summary>
public static class ReReviewDeadline
{
    public const int WorkingDays = 10;

    /// <summary>An answer counts as due soon when at most this many working days are left (0: due today).</summary>
    public const int NearWorkingDays = 2;

    public static DateOnly For(DateOnly originalsReceivedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(originalsReceivedOn, WorkingDays);
    }

    /// <summary>Working days from today to the deadline (0 on the day itself), negative once it has passed.</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly deadline, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        // Past the deadline it is at least one day late, even on a holiday right after it (no working day between).
        return deadline >= today ? calendar.WorkingDaysBetween(today, deadline) : -Math.Max(1, calendar.WorkingDaysBetween(deadline, today));
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

    /// <summary>
    /// The originals-received dates that make an answer overdue (received before OverdueBefore) or due soon (received on
    /// or after it and before NearBefore), as of today. A deadline only grows with the received date, so a range of
    /// deadlines is a range of received dates, which a queue can filter on in the database. Null where a needed year
    /// has no calendar yet.
    /// </summary>
    public static (DateOnly OverdueBefore, DateOnly NearBefore)? DueRanges(DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        try
        {
            return (FirstReceivedDueFrom(today, calendar), FirstReceivedDueFrom(calendar.AddWorkingDays(today, NearWorkingDays + 1), calendar));
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    // The earliest received date whose deadline falls on or after day: deadlines are working days, and the tenth working
    // day before a working day is the last received date that still leads to it.
    private static DateOnly FirstReceivedDueFrom(DateOnly day, WorkingDayCalendar calendar)
    {
        var due = calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, 1);
        return calendar.AddWorkingDays(due, -WorkingDays);
    }
}
