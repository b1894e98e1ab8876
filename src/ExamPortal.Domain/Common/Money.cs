using System.Globalization;

namespace ExamPortal.Domain.Common;

// Money is decimal yuan with two places (分), never floating point.
public static class Money
{
    // "¥1,234.00", whatever the server's culture.
    public static string Yuan(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    // Whole fen only: an amount typed with three decimals is a typing mistake, not a rounding question.
    public static bool HasWholeFen(decimal amount) => decimal.Round(amount, 2) == amount;
}
