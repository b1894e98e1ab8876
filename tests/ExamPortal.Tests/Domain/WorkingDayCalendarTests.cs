using ExamPortal.Domain.Calendar;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

// Expected dates counted by hand on a 2026 wall calendar (1 January 2026 is a Thursday) with the
// State Council's holiday notice of 2025-11-04.
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = OfficialCalendar2026.Create();

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-01-03")]
    [InlineData("2026-02-15")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-18")]
    [InlineData("2026-02-19")]
    [InlineData("2026-02-20")]
    [InlineData("2026-02-21")]
    [InlineData("2026-02-22")]
    [InlineData("2026-02-23")]
    [InlineData("2026-04-04")]
    [InlineData("2026-04-05")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-01")]
    [InlineData("2026-05-02")]
    [InlineData("2026-05-03")]
    [InlineData("2026-05-04")]
    [InlineData("2026-05-05")]
    [InlineData("2026-06-19")]
    [InlineData("2026-06-20")]
    [InlineData("2026-06-21")]
    [InlineData("2026-09-25")]
    [InlineData("2026-09-26")]
    [InlineData("2026-09-27")]
    [InlineData("2026-10-01")]
    [InlineData("2026-10-02")]
    [InlineData("2026-10-03")]
    [InlineData("2026-10-04")]
    [InlineData("2026-10-05")]
    [InlineData("2026-10-06")]
    [InlineData("2026-10-07")]
    public void PublicHolidaysAreNotWorkingDays(string day)
    {
        Assert.False(Calendar.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void MakeUpWorkingDaysOnWeekendsAreWorkingDays(string day)
    {
        Assert.True(Calendar.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    [InlineData("2026-03-07")]
    [InlineData("2026-03-08")]
    [InlineData("2026-03-28")]
    [InlineData("2026-08-01")]
    [InlineData("2026-10-11")]
    [InlineData("2026-12-26")]
    [InlineData("2026-12-27")]
    public void OrdinarySaturdaysAndSundaysAreNotWorkingDays(string day)
    {
        Assert.False(Calendar.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2026-01-05")]
    [InlineData("2026-02-13")]
    [InlineData("2026-02-24")]
    [InlineData("2026-04-07")]
    [InlineData("2026-09-24")]
    [InlineData("2026-09-28")]
    [InlineData("2026-10-08")]
    [InlineData("2026-12-31")]
    public void OrdinaryWeekdaysAreWorkingDays(string day)
    {
        Assert.True(Calendar.IsWorkingDay(D(day)));
    }

    // 2/13 → 2/14 (Sat, make-up) is 1; 2/15–2/23 off; 2/24–2/27 are 2–5; 2/28 (Sat, make-up) is 6; 3/2–3/5 are 7–10.
    // 4/30 → 5/1–5/5 off; 5/6–5/8 are 1–3; 5/9 (Sat, make-up) is 4; 5/11–5/15 are 5–9; 5/18 is 10.
    // 9/30 → 10/1–10/7 off; 10/8, 10/9 are 1, 2; 10/10 (Sat, make-up) is 3; 10/12–10/16 are 4–8; 10/19, 10/20 are 9, 10.
    [Theory]
    [InlineData("2026-02-13", "2026-03-05")]
    [InlineData("2026-04-30", "2026-05-18")]
    [InlineData("2026-09-30", "2026-10-20")]
    public void ReviewResultIsDueOnTheTenthWorkingDayAfter(string start, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), 10));
    }

    // Scores are published "考核结束5个工作日后" and certificates are issued "考核结束30个工作日后".
    [Theory]
    [InlineData("2026-03-28", "2026-04-03", "2026-05-13")]
    [InlineData("2026-04-25", "2026-05-06", "2026-06-09")]
    [InlineData("2026-05-23", "2026-05-29", "2026-07-06")]
    [InlineData("2026-06-13", "2026-06-22", "2026-07-27")]
    [InlineData("2026-07-11", "2026-07-17", "2026-08-21")]
    [InlineData("2026-08-08", "2026-08-14", "2026-09-18")]
    [InlineData("2026-09-19", "2026-09-24", "2026-11-05")]
    [InlineData("2026-10-24", "2026-10-30", "2026-12-04")]
    [InlineData("2026-11-07", "2026-11-13", "2026-12-18")]
    public void FifthAndThirtiethWorkingDaysAfterEachExam(string exam, string fifth, string thirtieth)
    {
        Assert.Equal(D(fifth), Calendar.AddWorkingDays(D(exam), 5));
        Assert.Equal(D(thirtieth), Calendar.AddWorkingDays(D(exam), 30));
    }

    // 12/7–12/11 are 1–5; 12/14–12/31 give only 19 in all, so the 30th lies in 2027, which is not loaded.
    [Fact]
    public void AfterTheLastExamTheFifthWorkingDayIsKnownButTheThirtiethNeeds2027()
    {
        Assert.Equal(D("2026-12-11"), Calendar.AddWorkingDays(D("2026-12-05"), 5));

        var error = Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-12-05"), 30));
        Assert.Equal(2027, error.Year);
        Assert.Contains("2027年的工作日历尚未录入", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-15", 1, "2026-02-24")]
    [InlineData("2026-02-27", 1, "2026-02-28")]
    [InlineData("2026-09-19", 1, "2026-09-20")]
    [InlineData("2026-03-28", 0, "2026-03-28")]
    [InlineData("2026-03-28", -2, "2026-03-26")]
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-10-12", -1, "2026-10-10")]
    [InlineData("2026-10-08", -1, "2026-09-30")]
    [InlineData("2026-01-05", -1, "2026-01-04")]
    public void AddWorkingDaysCountsStrictlyAfterOrBeforeTheStart(string start, int n, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-03-05", 10)]
    [InlineData("2026-04-30", "2026-05-18", 10)]
    [InlineData("2026-09-30", "2026-10-20", 10)]
    [InlineData("2026-03-28", "2026-04-03", 5)]
    [InlineData("2026-02-13", "2026-02-14", 1)]
    [InlineData("2026-02-14", "2026-02-23", 0)]
    [InlineData("2026-12-25", "2026-12-31", 4)]
    [InlineData("2025-12-31", "2026-01-05", 2)]
    [InlineData("2026-03-05", "2026-03-05", 0)]
    [InlineData("2026-03-05", "2026-02-13", 0)]
    public void WorkingDaysBetweenCountsDaysAfterFromUpToAndIncludingTo(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));
    }

    [Fact]
    public void AYearThatIsNotLoadedIsNeverGuessed()
    {
        var error = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(D("2027-01-04")));

        Assert.Equal(2027, error.Year);
        Assert.Equal("2027年的工作日历尚未录入，请中心管理员先在“节假日日历”中录入该年度的放假和调休安排。", error.Message);
    }

    [Fact]
    public void CountingAcrossIntoAnUnloadedYearThrows()
    {
        Assert.Throws<CalendarYearMissingException>(() => Calendar.WorkingDaysBetween(D("2026-12-31"), D("2027-01-04")));
        Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(
            2025,
            Assert.Throws<CalendarYearMissingException>(() => Calendar.AddWorkingDays(D("2026-01-04"), -1)).Year);
    }

    [Fact]
    public void CoversOnlyTheLoadedYears()
    {
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2025));
        Assert.False(Calendar.Covers(2027));
    }

    [Fact]
    public void AnExceptionInAYearThatIsNotLoadedIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [2026], [new CalendarException(D("2027-02-06"), CalendarDayKind.MakeUpWorkingDay, "春节调休上班")]));
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [2026], [new CalendarException(D("2027-01-01"), CalendarDayKind.Holiday, "元旦放假")]));
    }

    [Fact]
    public void AMakeUpWorkingDayMustFallOnAWeekend()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [2026], [new CalendarException(D("2026-02-13"), CalendarDayKind.MakeUpWorkingDay, "春节调休上班")]));
    }

    [Fact]
    public void ADateMayBeEnteredOnlyOnce()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [2026],
            [
                new CalendarException(D("2026-10-01"), CalendarDayKind.Holiday, "国庆节放假"),
                new CalendarException(D("2026-10-01"), CalendarDayKind.Holiday, "国庆节放假"),
            ]));
    }

    [Fact]
    public void ALoadedYearWithoutExceptionsFollowsMondayToFriday()
    {
        var calendar = new WorkingDayCalendar([2027], []);

        Assert.True(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.False(calendar.IsWorkingDay(D("2027-01-02")));
    }

    [Fact]
    public void TheOfficial2026ArrangementHas33HolidaysAndSixMakeUpDays()
    {
        var exceptions = OfficialCalendar2026.Exceptions;

        Assert.Equal(33, exceptions.Count(e => e.Kind == CalendarDayKind.Holiday));
        Assert.Equal(
            [D("2026-01-04"), D("2026-02-14"), D("2026-02-28"), D("2026-05-09"), D("2026-09-20"), D("2026-10-10")],
            exceptions.Where(e => e.Kind == CalendarDayKind.MakeUpWorkingDay).Select(e => e.Date));
        Assert.All(exceptions, e => Assert.Equal(2026, e.Date.Year));
        Assert.Equal("春节调休上班", exceptions.Single(e => e.Date == D("2026-02-14")).Note);
        Assert.Equal("春节放假", exceptions.Single(e => e.Date == D("2026-02-17")).Note);
        Assert.Equal("国庆节调休上班", exceptions.Single(e => e.Date == D("2026-09-20")).Note);
    }
}
