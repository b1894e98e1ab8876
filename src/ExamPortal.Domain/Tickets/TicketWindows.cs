using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Tickets;

// When tickets are issued, printed and handed out (section 六 and attachment 2).
public static class TicketWindows
{
    // 在考核日期2个工作日前发放给考生本人: the institution hands tickets over on this working day at the latest.
    public const int HandOverWorkingDaysBeforeExam = 2;

    public static DateOnly HandOverDeadline(BatchSchedule schedule, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(schedule.ExamDate, -HandOverWorkingDaysBeforeExam);
    }

    // Tickets are issued once the payment window has closed and before the exam day.
    public static string? IssueRefusal(Role role, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var day = ChinaTime.DateOf(at);
        return role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以发放准考证"
            : day <= schedule.Payment.End ? $"缴费期至{ChineseText.Date(schedule.Payment.End)}结束，结束后才能发放准考证"
            : day >= schedule.ExamDate ? $"考核日期（{ChineseText.Date(schedule.ExamDate)}）已到，不能再发放准考证"
            : null;
    }

    // Candidates and institutions print during 打印准考证时间 only; the message names the window's dates.
    public static string? PrintRefusal(DateTimeOffset at, DateRange window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var day = ChinaTime.DateOf(at);
        var span = $"{ChineseText.Date(window.Start)}至{ChineseText.Date(window.End)}";
        return day < window.Start ? $"本批次打印准考证时间为{span}，尚未开始，请到时再来下载打印"
            : day > window.End ? $"本批次打印准考证时间为{span}，现已结束"
            : null;
    }
}
