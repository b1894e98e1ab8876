using ExamPortal.Tests.Features.Imports;
using ExamPortal.Web.Features.Results;

namespace ExamPortal.Tests.Features.Results;

/// <summary>A plan's tickets and score sheets built the way centres' files arrive, header first unless a test says otherwise.</summary>
internal static class ScoreSheets
{
    public const string Ticket1 = "202601170001";
    public const string Ticket2 = "202601170002";
    public const string Ticket3 = "202601170003";
    public const string Ticket4 = "202601170004";

    public static readonly object?[] Header = ["准考证号", "姓名", "成绩"];

    public static IReadOnlyDictionary<string, string> Plan { get; } = new Dictionary<string, string>
    {
        [Ticket1] = "张三",
        [Ticket2] = "李四",
        [Ticket3] = "王五",
        [Ticket4] = "John Smith",
    };

    public static byte[] Build(params object?[][] rows) => Workbooks.Build("成绩", rows);

    public static ScoreSheet Read(byte[] xlsx) => ScoreSheetReader.Read(new MemoryStream(xlsx));

    /// <summary>A sheet of the standard header and the given rows, read.</summary>
    public static ScoreSheet ReadRows(params object?[][] rows) => Read(Build([Header, .. rows]));

    public static ScoreImportReport Check(params object?[][] rows) => ScoreSheetCheck.Against(ReadRows(rows), Plan);
}
