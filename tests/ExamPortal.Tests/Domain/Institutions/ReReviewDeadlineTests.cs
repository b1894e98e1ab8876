using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

/// <summary>10个工作日内反馈复审结果, counted by hand on the 2026 calendar.</summary>
public sealed class ReReviewDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar2026 = OfficialCalendar2026.Create();

    [Theory]
    [InlineData("2026-03-10", "2026-03-24")]
    [InlineData("2026-09-25", "2026-10-15")]
    [InlineData("2026-09-28", "2026-10-16")]
    [InlineData("2026-02-13", "2026-03-05")]
    public void The_centre_answers_within_10_working_days_of_receiving_the_originals(string received, string deadline) =>
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture),
            ReReviewDeadline.For(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), Calendar2026));

    [Fact]
    public void Days_left_count_working_days_and_go_negative_when_overdue()
    {
        // Received on 9/25, the Mid-Autumn Festival: 9/28–9/30, 10/8–10/10 (a make-up Saturday), 10/12–10/15.
        var deadline = new DateOnly(2026, 10, 15);

        Assert.Equal(7, ReReviewDeadline.WorkingDaysLeft(new DateOnly(2026, 9, 30), deadline, Calendar2026));
        Assert.Equal(0, ReReviewDeadline.WorkingDaysLeft(deadline, deadline, Calendar2026));
        Assert.Equal(-1, ReReviewDeadline.WorkingDaysLeft(new DateOnly(2026, 10, 16), deadline, Calendar2026));
    }

    [Fact]
    public void A_deadline_that_falls_in_a_year_without_a_calendar_is_not_guessed()
    {
        // Received on 12/28: the tenth working day is in January 2027, which has no calendar yet.
        Assert.Null(ReReviewDeadline.AsOf(new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 28), Calendar2026));
        Assert.Null(ReReviewDeadline.AsOf(null, new DateOnly(2026, 12, 28), Calendar2026));
        Assert.Equal((new DateOnly(2026, 3, 24), 10), ReReviewDeadline.AsOf(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), Calendar2026));
    }
}
