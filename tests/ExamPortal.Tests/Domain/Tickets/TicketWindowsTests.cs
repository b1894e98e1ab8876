using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Tickets;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Tickets;

public sealed class TicketWindowsTests
{
    private static readonly WorkingDayCalendar Calendar = OfficialCalendar2026.Create();

    [Theory]
    [InlineData(0, "2026-03-26")] // exam Sat 3/28: Fri 3/27 is one working day before, Thu 3/26 two
    [InlineData(1, "2026-04-23")] // exam Sat 4/25
    [InlineData(3, "2026-06-11")] // exam Sat 6/13
    [InlineData(7, "2026-10-22")] // exam Sat 10/24
    public void Institutions_hand_tickets_over_two_working_days_before_the_exam(int batch, string expected)
    {
        var schedule = BatchSchedule.From(Announcement2026.Batches[batch]);

        Assert.Equal(D(expected), TicketWindows.HandOverDeadline(schedule, Calendar));
    }

    [Theory]
    [InlineData("2026-03-22T23:59:00+08:00", "本批次打印准考证时间为2026年3月23日至2026年3月27日，尚未开始，请到时再来下载打印")]
    [InlineData("2026-03-23T00:00:00+08:00", null)]
    [InlineData("2026-03-27T23:59:00+08:00", null)]
    [InlineData("2026-03-28T00:00:00+08:00", "本批次打印准考证时间为2026年3月23日至2026年3月27日，现已结束")]
    public void Printing_is_open_during_the_window_only_and_the_refusal_names_its_dates(string at, string? expected)
    {
        var schedule = BatchSchedule.From(Announcement2026.Batches[0]);

        Assert.Equal(expected, TicketWindows.PrintRefusal(Instant(at), schedule.TicketPrinting));
    }

    [Theory]
    [InlineData("2026-03-11T23:00:00+08:00", Role.CentreExam, "缴费期至2026年3月11日结束，结束后才能发放准考证")]
    [InlineData("2026-03-12T08:00:00+08:00", Role.CentreExam, null)]
    [InlineData("2026-03-27T18:00:00+08:00", Role.CentreAdmin, null)]
    [InlineData("2026-03-28T08:00:00+08:00", Role.CentreExam, "考核日期（2026年3月28日）已到，不能再发放准考证")]
    [InlineData("2026-03-20T10:00:00+08:00", Role.CentreReviewer, "只有省职鉴中心考务人员可以发放准考证")]
    [InlineData("2026-03-20T10:00:00+08:00", Role.CentreFinance, "只有省职鉴中心考务人员可以发放准考证")]
    public void Tickets_are_issued_by_exam_staff_between_the_end_of_payment_and_the_exam(string at, Role role, string? expected)
    {
        var schedule = BatchSchedule.From(Announcement2026.Batches[0]);

        Assert.Equal(expected, TicketWindows.IssueRefusal(role, Instant(at), schedule));
    }
}
