using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// The columns of the score sheet, in template order. As for the applicant sheet, the header text is the
/// contract: the reader finds columns by it, never by position, and accepts the names centres' own sheets use.
/// </summary>
public static class ScoreSheetColumns
{
    public const string TicketNumber = "准考证号";

    public const string FullName = "姓名";

    public const string Score = "成绩";

    public static IReadOnlyList<string> Headers { get; } = [TicketNumber, FullName, Score];

    private static readonly Dictionary<string, int> IndexByKey = new (string Header, string[] Aliases)[]
        {
            (TicketNumber, ["准考证编号"]),
            (FullName, ["考生姓名"]),
            (Score, ["分数", "考核成绩"]),
        }
        .SelectMany((column, index) => column.Aliases.Prepend(column.Header).Select(name => (Key: CellText.HeaderKey(name), Index: index)))
        .ToDictionary(x => x.Key, x => x.Index, StringComparer.Ordinal);

    /// <summary>The index in <see cref="Headers"/> of the column a header cell names, or null.</summary>
    internal static int? Match(string? header) => IndexByKey.TryGetValue(CellText.HeaderKey(header), out var index) ? index : null;
}
