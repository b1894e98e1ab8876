using System.Globalization;
using System.Text;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Features.Imports;

/// <summary>Turns what MiniExcel returns for a cell into text, and text into forms fit for comparing.</summary>
internal static class CellText
{
    /// <summary>
    /// The comparison form of a header, a list choice or a name: the domain's normalisation (no spaces,
    /// half-width letters and digits, upper case) plus half-width punctuation, so that "高中(或同等学历)"
    /// typed with an English input method matches "高中（或同等学历）".
    /// </summary>
    public static string Key(string? text)
    {
        var normalized = IdentityNumber.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '，' => ',',
                '：' => ':',
                '；' => ';',
                '＊' => '*',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// The comparison form of a header cell. Spaces, full-width characters, a required mark (*) and a remark
    /// in brackets such as "姓名（必填）" are ignored, because people decorate headers that way.
    /// </summary>
    public static string HeaderKey(string? header)
    {
        var key = Key(header).Trim('*');
        var bracket = key.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 && key.EndsWith(')') ? key[..bracket] : key;
    }

    /// <summary>
    /// Free text as stored: trimmed, runs of spaces made one, and no spaces at all in Chinese text, where
    /// they only pad two-character names ("张  三") or come from copying.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var chinese = text.Any(IsChinese);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && !chinese;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text the user saw in the cell, kept for the error report. Dates and serial numbers in a date
    /// column come back as dates; other numbers in their shortest round-trip form, which for an ID number
    /// Excel kept as a double is the scientific notation that shows the digits are lost.
    /// </summary>
    public static string Display(object? value, bool isDateColumn) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTime dateTime => Date(dateTime),
        double number when isDateColumn && CellDate.FromNumber(number) is { } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static string Date(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
