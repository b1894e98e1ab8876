using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Results;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Results;

// Dates counted by hand on the 2026 calendar (国务院办公厅2026年节假日安排): 清明 4/4–4/6, 劳动节 5/1–5/5 with 5/9 worked,
// 端午 6/19–6/21, 中秋 9/25–9/27 with 9/20 worked, 国庆 10/1–10/7 with 10/10 worked.
public sealed class ResultDatesTests
{
    private static readonly WorkingDayCalendar Calendar = OfficialCalendar2026.Create();

    [Theory]
    [InlineData(1, "2026-03-28", "2026-04-03", "2026-04-10", "2026-05-13")] // publicity spans 清明; collection spans 劳动节 and its Saturday
    [InlineData(2, "2026-04-25", "2026-05-06", "2026-05-11", "2026-06-09")] // publication after 劳动节; the worked Saturday 5/9 counts
    [InlineData(3, "2026-05-23", "2026-05-29", "2026-06-04", "2026-07-06")] // collection spans 端午
    [InlineData(4, "2026-06-13", "2026-06-22", "2026-06-26", "2026-07-27")] // publication moved by 端午 (6/19)
    [InlineData(5, "2026-07-11", "2026-07-17", "2026-07-23", "2026-08-21")]
    [InlineData(6, "2026-08-08", "2026-08-14", "2026-08-20", "2026-09-18")]
    [InlineData(7, "2026-09-19", "2026-09-24", "2026-10-08", "2026-11-05")] // the worked Sunday 9/20, then 中秋 and 国庆
    [InlineData(8, "2026-10-24", "2026-10-30", "2026-11-05", "2026-12-04")]
    [InlineData(9, "2026-11-07", "2026-11-13", "2026-11-19", "2026-12-18")]
    public void Publication_publicity_and_collection_follow_the_calendar(int batch, string exam, string publication, string publicityEnd, string collection)
    {
        Assert.Equal(D(exam), Announcement2026.Batches[batch - 1].ExamDate);

        var dates = ResultDates.Default(D(exam), Calendar);

        Assert.Equal((D(publication), D(publicityEnd)), (dates.PublicationDate, dates.PublicityEnd));
        Assert.Equal(D(publicityEnd).AddDays(1), dates.CertificatesFrom);
        Assert.Equal(D(collection), ResultDates.CollectionFrom(D(exam), Calendar));
    }

    [Fact]
    public void Batch_10_publishes_in_2026_but_its_collection_date_needs_the_2027_calendar()
    {
        var exam = Announcement2026.Batches[9].ExamDate;

        var dates = ResultDates.Default(exam, Calendar);
        var missing = Assert.Throws<CalendarYearMissingException>(() => ResultDates.CollectionFrom(exam, Calendar));

        Assert.Equal((D("2026-12-05"), D("2026-12-11"), D("2026-12-17")), (exam, dates.PublicationDate, dates.PublicityEnd));
        Assert.Equal(2027, missing.Year);
        Assert.Contains("2027年的工作日历尚未录入", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publication_and_publicity_are_judged_on_the_date_in_China()
    {
        var dates = ResultDates.Default(D("2026-03-28"), Calendar);

        Assert.False(dates.IsPublished(Instant("2026-04-02T23:59:00+08:00")));
        Assert.True(dates.IsPublished(Instant("2026-04-03T00:00:00+08:00")));
        Assert.True(dates.IsInPublicity(Instant("2026-04-10T23:59:00+08:00")));
        Assert.False(dates.IsInPublicity(Instant("2026-04-11T00:00:00+08:00")));
        Assert.True(dates.IsPublicityOver(Instant("2026-04-11T00:00:00+08:00")));
    }

    [Theory]
    [InlineData(Role.CentreReviewer, "2026-04-05", "2026-04-12", "延误", "只有省职鉴中心考务人员可以调整成绩公示日期")]
    [InlineData(Role.CentreExam, "2026-04-05", "2026-04-12", " ", "请填写调整公示日期的原因")]
    [InlineData(Role.CentreExam, "2026-03-28", "2026-04-12", "延误", "公示日期须晚于考核日期（2026年3月28日）")]
    [InlineData(Role.CentreExam, "2026-04-07", "2026-04-06", "延误", "公示期结束日期不能早于公示日期")]
    [InlineData(Role.CentreExam, "2026-04-07", "2026-04-13", "成绩复核延误", null)]
    public void The_centre_moves_the_dates_with_a_reason(Role role, string publication, string end, string reason, string? expected)
    {
        var dates = ResultDates.Default(D("2026-03-28"), Calendar);

        Assert.Equal(expected, dates.ChangeRefusal(role, Instant("2026-03-30T10:00:00+08:00"), D(publication), D(end), reason));
    }

    [Fact]
    public void A_publication_that_has_happened_cannot_be_moved_but_the_publicity_can_still_be_extended()
    {
        var dates = ResultDates.Default(D("2026-03-28"), Calendar);
        var during = Instant("2026-04-08T10:00:00+08:00");

        Assert.Equal("成绩已于2026年4月3日公示，公示日期不能再改", dates.ChangeRefusal(Role.CentreExam, during, D("2026-04-09"), D("2026-04-15"), "复核"));
        Assert.Null(dates.ChangeRefusal(Role.CentreExam, during, D("2026-04-03"), D("2026-04-14"), "异议较多，延长公示"));
        Assert.Equal("公示期已于2026年4月10日结束，不能再调整",
            dates.ChangeRefusal(Role.CentreExam, Instant("2026-04-11T10:00:00+08:00"), D("2026-04-03"), D("2026-04-20"), "复核"));
    }

    [Fact]
    public void A_moved_publication_on_a_weekend_starts_counting_its_publicity_on_the_next_working_day()
    {
        // 4/4 is 清明: the five working days are 4/7, 4/8, 4/9, 4/10 and 4/13.
        Assert.Equal(D("2026-04-13"), ResultDates.PublicityEndFrom(D("2026-04-04"), Calendar));
        Assert.Equal(D("2026-04-13"), ResultDates.PublicityEndFrom(D("2026-04-07"), Calendar));
    }
}
