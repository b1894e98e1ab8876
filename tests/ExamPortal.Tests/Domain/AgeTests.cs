using ExamPortal.Domain.People;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

public sealed class AgeTests
{
    [Fact]
    public void TheLegalWorkingAgeIsSixteen()
    {
        Assert.Equal(16, Age.LegalWorkingAge);
    }

    [Theory]
    [InlineData("2010-03-28", "2026-03-27", 15)]
    [InlineData("2010-03-28", "2026-03-28", 16)]
    [InlineData("2010-03-28", "2026-03-29", 16)]
    [InlineData("1990-12-31", "2026-01-01", 35)]
    [InlineData("1990-01-01", "1990-01-01", 0)]
    public void AgeIncreasesOnTheBirthday(string birthDate, string day, int expected)
    {
        Assert.Equal(expected, Age.On(D(birthDate), D(day)));
    }

    [Theory]
    [InlineData("2008-02-29", "2024-02-28", 15)]
    [InlineData("2008-02-29", "2024-02-29", 16)]
    [InlineData("2008-02-29", "2025-02-28", 16)]
    [InlineData("2008-02-29", "2025-03-01", 17)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    public void SomeoneBornOnTwentyNinthFebruaryTurnsOlderOnFirstMarchInACommonYear(string birthDate, string day, int expected)
    {
        Assert.Equal(expected, Age.On(D(birthDate), D(day)));
    }

    [Fact]
    public void ADayBeforeBirthIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.On(D("2010-03-28"), D("2010-03-27")));
    }
}
