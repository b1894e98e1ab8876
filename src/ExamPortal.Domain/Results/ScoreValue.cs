using System.Globalization;

namespace ExamPortal.Domain.Results;

// A score as the centre records it: 0–100 with at most one decimal place, or 缺考.
public sealed record ScoreValue
{
    public const string AbsentText = "缺考";

    private ScoreValue(decimal? points) => Points = points;

    public decimal? Points { get; }

    public bool IsAbsent => Points is null;

    public static ScoreValue Absent { get; } = new((decimal?)null);

    public static ScoreValue Of(decimal points) =>
        Problem(points) is { } problem ? throw new ArgumentOutOfRangeException(nameof(points), points, problem) : new ScoreValue(points);

    // The text of a cell or a form field; the problem says what to change.
    public static (ScoreValue? Value, string? Problem) Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (null, "请填写成绩（0—100的数字，最多一位小数），未参加考核的填“缺考”");
        }

        if (trimmed == AbsentText)
        {
            return (Absent, null);
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var points))
        {
            return (null, $"成绩“{trimmed}”不是数字：请填写0—100的数字（最多一位小数）或“缺考”");
        }

        return Problem(points) is { } problem ? (null, problem) : (new ScoreValue(points), null);
    }

    public override string ToString() => Points is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) : AbsentText;

    private static string? Problem(decimal points) =>
        points is < 0 or > 100 ? $"成绩{points.ToString("0.##########", CultureInfo.InvariantCulture)}超出0—100的范围，请核对"
        : decimal.Round(points, 1) != points ? $"成绩{points.ToString("0.##########", CultureInfo.InvariantCulture)}的小数超过一位，请保留一位小数"
        : null;
}
