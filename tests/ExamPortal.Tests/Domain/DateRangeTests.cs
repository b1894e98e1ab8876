using ExamPortal.Domain.Common;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

public sealed class DateRangeTests
{
    private static readonly DateRange Registration = new(D("2026-02-06"), D("2026-02-13"));

    [Fact]
    public void StartMayNotBeAfterEnd()
    {
        var error = Assert.Throws<DomainRuleException>(() => new DateRange(D("2026-02-14"), D("2026-02-13")));

        Assert.Equal("开始日期不能晚于结束日期", error.Message);
    }

    [Fact]
    public void ASingleDayRangeIsAllowed()
    {
        var range = new DateRange(D("2026-03-28"), D("2026-03-28"));

        Assert.Equal([D("2026-03-28")], range.Days());
    }

    [Theory]
    [InlineData("2026-02-05", false)]
    [InlineData("2026-02-06", true)]
    [InlineData("2026-02-10", true)]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", false)]
    public void BothEndsAreInside(string day, bool inside)
    {
        Assert.Equal(inside, Registration.Contains(D(day)));
    }

    [Theory]
    [InlineData("2026-02-05T23:59:59+08:00", false)]
    [InlineData("2026-02-06T00:00:00+08:00", true)]
    [InlineData("2026-02-13T23:59:59+08:00", true)]
    [InlineData("2026-02-14T00:00:00+08:00", false)]
    [InlineData("2026-02-05T15:59:59Z", false)]
    [InlineData("2026-02-05T16:00:00Z", true)]
    [InlineData("2026-02-13T15:59:59Z", true)]
    [InlineData("2026-02-13T16:00:00Z", false)]
    public void AnInstantIsInsideWhenItsChinaDateIs(string instant, bool inside)
    {
        Assert.Equal(inside, Registration.Contains(Instant(instant)));
    }

    [Fact]
    public void DaysListsEveryDayInOrder()
    {
        Assert.Equal(
            [D("2026-02-06"), D("2026-02-07"), D("2026-02-08"), D("2026-02-09"), D("2026-02-10"), D("2026-02-11"), D("2026-02-12"), D("2026-02-13")],
            Registration.Days());
    }
}
