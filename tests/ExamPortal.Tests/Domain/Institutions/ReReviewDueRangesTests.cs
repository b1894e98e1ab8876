using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

/// <summary>The dashboard's "due soon" and "overdue" answers, as received-date ranges a query can filter on.</summary>
public sealed class ReReviewDueRangesTests
{
    private static readonly WorkingDayCalendar Calendar2026 = OfficialCalendar2026.Create();

    [Fact]
    public void The_ranges_agree_with_the_working_days_left_of_every_received_date()
    {
        // Every day from mid-February to late November 2026 (holidays, make-up Saturdays and weekends included), against
        // every received date of the 40 days before it.
        for (var today = new DateOnly(2026, 2, 15); today <= new DateOnly(2026, 11, 30); today = today.AddDays(1))
        {
            var (overdueBefore, nearBefore) = ReReviewDeadline.DueRanges(today, Calendar2026)!.Value;
            for (var received = today.AddDays(-40); received <= today; received = received.AddDays(1))
            {
                var left = ReReviewDeadline.WorkingDaysLeft(today, ReReviewDeadline.For(received, Calendar2026), Calendar2026);
                Assert.True((left < 0) == (received < overdueBefore), $"today {today}, received {received}, left {left}, overdue before {overdueBefore}");
                Assert.Equal(left is >= 0 and <= ReReviewDeadline.NearWorkingDays, received >= overdueBefore && received < nearBefore);
            }
        }
    }

    [Theory]
    [InlineData("2026-03-19", false, false)]
    [InlineData("2026-03-20", true, false)]
    [InlineData("2026-03-24", true, false)]
    [InlineData("2026-03-25", false, true)]
    public void Originals_received_on_10_March_are_due_on_24_March(string today, bool near, bool overdue)
    {
        // Due 3/24 (Tuesday): two working days left on Friday 3/20, three on Thursday 3/19, overdue from 3/25.
        var received = new DateOnly(2026, 3, 10);
        var (overdueBefore, nearBefore) = ReReviewDeadline.DueRanges(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Calendar2026)!.Value;

        Assert.Equal(overdue, received < overdueBefore);
        Assert.Equal(near, received >= overdueBefore && received < nearBefore);
    }

    [Fact]
    public void Without_the_calendar_of_a_needed_year_nothing_is_flagged()
    {
        // Ten working days before early January 2026 are in 2025, which has no calendar here.
        Assert.Null(ReReviewDeadline.DueRanges(new DateOnly(2026, 1, 5), Calendar2026));
    }
}
