using ExamPortal.Domain.Common;
using ExamPortal.Domain.Tickets;

namespace ExamPortal.Tests.Domain.Tickets;

public sealed class TicketNumberTests
{
    [Theory]
    [InlineData(2026, 1, "17", 3, "202601170003")]
    [InlineData(2026, 10, "01", 9999, "202610019999")]
    [InlineData(2027, 2, "22", 120, "202702220120")]
    public void The_number_is_year_batch_project_and_sequence(int year, int batch, string project, int sequence, string expected)
    {
        var number = TicketNumber.Format(year, batch, project, sequence);

        Assert.Equal(expected, number);
        Assert.True(TicketNumber.IsWellFormed(number));
    }

    [Fact]
    public void A_plan_runs_out_of_numbers_after_9999_with_a_message()
    {
        var error = Assert.Throws<DomainRuleException>(() => TicketNumber.Format(2026, 1, "01", 10_000));

        Assert.Equal("一个考核计划最多编排9999个准考证号", error.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("A1")]
    [InlineData("123")]
    public void A_project_code_that_is_not_two_digits_is_a_programming_error(string code)
    {
        Assert.Throws<ArgumentException>(() => TicketNumber.Format(2026, 1, code, 1));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("20260117000", false)]
    [InlineData("2026011700031", false)]
    [InlineData("20260117000X", false)]
    [InlineData("202601170003", true)]
    public void Only_twelve_digits_are_well_formed(string? value, bool expected)
    {
        Assert.Equal(expected, TicketNumber.IsWellFormed(value));
    }
}
