using System.Globalization;

namespace ExamPortal.Tests.Domain;

// Dates in InlineData are written as ISO strings, the way they are read off the notice.
internal static class Dates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
