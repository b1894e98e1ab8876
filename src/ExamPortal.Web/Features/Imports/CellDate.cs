using System.Globalization;
using System.Text.RegularExpressions;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// Birth dates as they arrive from spreadsheets: real Excel dates (MiniExcel gives a DateTime when the
/// cell's format is one it knows, a serial number when it is not, e.g. Chinese "2001年3月14日"), numbers
/// typed as 19900102, or text in the ways people write dates in China.
/// </summary>
internal static partial class CellDate
{
    // Excel's serial for 9999-12-31; larger numbers cannot be dates.
    private const double LastSerial = 2_958_465;

    public static DateOnly? Read(object? value) => value switch
    {
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        double number => FromNumber(number),
        string text => FromText(text),
        _ => null,
    };

    public static DateOnly? FromNumber(double number)
    {
        if (number != Math.Floor(number) || number < 1)
        {
            return null;
        }

        if (number is >= 1000_01_01 and <= 9999_12_31)
        {
            var digits = (int)number;
            return Create(digits / 10000, digits / 100 % 100, digits % 100);
        }

        return number <= LastSerial ? DateOnly.FromDateTime(DateTime.FromOADate(number)) : null;
    }

    private static DateOnly? FromText(string text)
    {
        var match = DatePattern().Match(IdentityNumber.Normalize(text));
        return match.Success
            ? Create(Number(match.Groups["year"]), Number(match.Groups["month"]), Number(match.Groups["day"]))
            : null;
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    // 1990-1-2, 1990/01/02, 1990.1.2, 1990年1月2日 (spaces already removed), 19900102; a time of day
    // (from a date pasted as text out of another system) is ignored.
    [GeneratedRegex(@"^(?:(?<year>[0-9]{4})[-/.年](?<month>[0-9]{1,2})[-/.月](?<day>[0-9]{1,2})[日号]?|(?<year>[0-9]{4})(?<month>[0-9]{2})(?<day>[0-9]{2}))(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
