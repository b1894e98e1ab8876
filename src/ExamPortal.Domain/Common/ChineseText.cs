using System.Globalization;

namespace ExamPortal.Domain.Common;

// Messages must not depend on the server's culture (en-US would print 2/13/2026).
internal static class ChineseText
{
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items) => string.Join("、", items);
}
