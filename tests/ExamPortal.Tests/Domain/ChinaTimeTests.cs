using ExamPortal.Domain.Common;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

public sealed class ChinaTimeTests
{
    [Fact]
    public void ChinaStandardTimeIsAFixedEightHoursAheadOfUtc()
    {
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Offset);
    }

    [Theory]
    [InlineData("2026-02-13T15:59:59Z", "2026-02-13")]
    [InlineData("2026-02-13T16:00:00Z", "2026-02-14")]
    [InlineData("2026-02-13T23:59:59+08:00", "2026-02-13")]
    [InlineData("2026-02-14T00:00:00+08:00", "2026-02-14")]
    [InlineData("2026-02-13T10:30:00-05:00", "2026-02-13")]
    [InlineData("2026-02-13T11:00:00-05:00", "2026-02-14")]
    public void TheCalendarDateIsTheDateInChina(string instant, string expected)
    {
        Assert.Equal(D(expected), ChinaTime.DateOf(Instant(instant)));
    }

    [Fact]
    public void ToChinaKeepsTheInstantAndShowsItAtPlusEight()
    {
        var china = ChinaTime.ToChina(Instant("2026-02-13T16:00:00Z"));

        Assert.Equal(TimeSpan.FromHours(8), china.Offset);
        Assert.Equal(new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Unspecified), china.DateTime);
        Assert.Equal(Instant("2026-02-13T16:00:00Z"), china);
    }

    [Fact]
    public void ADayStartsAtMidnightChinaTime()
    {
        var start = ChinaTime.StartOf(D("2026-02-14"));

        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(Instant("2026-02-13T16:00:00Z"), start);
    }

    [Fact]
    public void ADayEndsExclusivelyAtTheNextMidnightChinaTime()
    {
        Assert.Equal(Instant("2026-02-14T00:00:00+08:00"), ChinaTime.EndOf(D("2026-02-13")));
        Assert.Equal(Instant("2027-01-01T00:00:00+08:00"), ChinaTime.EndOf(D("2026-12-31")));
    }
}
