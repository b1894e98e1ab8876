using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Tests.Domain.Payments;

// Amounts are decimal yuan shown as ¥1,234.00 on every server, and typed to the fen at most.
public sealed class MoneyTests
{
    [Theory]
    [InlineData("1234", "¥1,234.00")]
    [InlineData("0", "¥0.00")]
    [InlineData("100", "¥100.00")]
    [InlineData("0.05", "¥0.05")]
    [InlineData("1200.5", "¥1,200.50")]
    [InlineData("1234567.89", "¥1,234,567.89")]
    public void Yuan_shows_two_decimals_and_thousands_separators(string amount, string shown)
    {
        Assert.Equal(shown, Money.Yuan(Parse(amount)));
    }

    [Fact]
    public void Yuan_does_not_depend_on_the_servers_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("¥1,234.00", Money.Yuan(1234m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("100", true)]
    [InlineData("100.5", true)]
    [InlineData("100.05", true)]
    [InlineData("100.000", true)]
    [InlineData("0.01", true)]
    [InlineData("100.001", false)]
    [InlineData("99.995", false)]
    [InlineData("0.001", false)]
    [InlineData("-1.005", false)]
    public void HasWholeFen_is_true_only_for_amounts_to_the_fen(string amount, bool whole)
    {
        Assert.Equal(whole, Money.HasWholeFen(Parse(amount)));
    }

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
