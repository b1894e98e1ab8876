using System.Globalization;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Results;

/// <summary>
/// Reads an uploaded score sheet the way the applicant sheet is read: the header row may sit anywhere in the
/// first rows (under a title), columns are found by their header text in any order, other columns are
/// ignored, blank rows are skipped. Each row is checked on its own; whether its ticket belongs to the plan
/// is <see cref="ScoreSheetCheck"/>'s business.
/// </summary>
public static class ScoreSheetReader
{
    // A plan numbers at most 9999 tickets, so a longer sheet cannot be the scores of one plan.
    public const int MaxRows = TicketNumber.MaxSequence;

    public static readonly string TooManyRowsMessage =
        $"文件中的成绩超过{MaxRows}行，而一个考核计划最多{TicketNumber.MaxSequence}名考生：请每个考核计划分别上传成绩，并删除重复的行";

    // Far above 100 yet well inside decimal's range, whose conversion would throw on larger numbers.
    private const double LargestConvertible = 1e15;

    public static ScoreSheet Read(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);

        using var copy = xlsx.CanSeek && xlsx.Position == 0 ? null : ApplicantSheetReader.Copy(xlsx);
        var stream = copy ?? xlsx;
        if (!ApplicantSheetReader.StartsLikeZip(stream) || !ApplicantSheetReader.TryGetSheetNames(stream, out var sheetNames))
        {
            return ScoreSheet.Refused(ApplicantSheetReader.NotXlsxMessage);
        }

        // The template's sheet first; then any other, for centres that keep the scores in their own workbook.
        var best = new HashSet<int>();
        foreach (var sheetName in sheetNames.OrderBy(name => CellText.Key(name) == ScoreTemplate.SheetName ? 0 : 1))
        {
            stream.Position = 0;
            var result = ReadSheet(stream, sheetName, best);
            if (result is not null)
            {
                return result;
            }
        }

        var missing = ScoreSheetColumns.Headers.Where((_, index) => !best.Contains(index)).Select(h => $"“{h}”");
        return ScoreSheet.Refused(
            $"没有找到表头行：前{ApplicantSheetReader.HeaderSearchRows}行中没有一行同时包含“准考证号”“姓名”“成绩”，缺少{string.Concat(missing)}。"
            + "请使用成绩模板，保留列名（列的顺序可以调整）");
    }

    /// <summary>Null when the sheet has no header row; <paramref name="best"/> then keeps the most complete one seen.</summary>
    private static ScoreSheet? ReadSheet(Stream stream, string sheetName, HashSet<int> best)
    {
        using var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX).GetEnumerator();
        var rowNumber = 0;
        Dictionary<string, int>? header = null;
        var scores = new List<ScoreSheetRow>();
        for (var step = ApplicantSheetReader.Next(rows); step != ApplicantSheetReader.Step.End; step = ApplicantSheetReader.Next(rows))
        {
            if (step == ApplicantSheetReader.Step.Unreadable)
            {
                return ScoreSheet.Refused(ApplicantSheetReader.NotXlsxMessage);
            }

            // MiniExcel yields every row up to the last, empty ones included, so the count is Excel's row number.
            rowNumber++;
            var cells = (IDictionary<string, object?>)rows.Current;
            if (header is null)
            {
                header = HeaderOf(cells, best);
                if (header is null && rowNumber == ApplicantSheetReader.HeaderSearchRows)
                {
                    return null;
                }

                continue;
            }

            var values = new object?[ScoreSheetColumns.Headers.Count];
            foreach (var (letter, index) in header)
            {
                values[index] = cells.TryGetValue(letter, out var value) ? value : null;
            }

            if (values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            if (scores.Count == MaxRows)
            {
                return ScoreSheet.Refused(TooManyRowsMessage);
            }

            scores.Add(Parse(rowNumber, values));
        }

        return header is null ? null : new ScoreSheet(scores, null);
    }

    /// <summary>The column index of each cell letter when the row holds every header, else null.</summary>
    private static Dictionary<string, int>? HeaderOf(IDictionary<string, object?> cells, HashSet<int> best)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (letter, value) in cells)
        {
            if (value is string text && ScoreSheetColumns.Match(text) is { } index && !found.ContainsValue(index))
            {
                found.Add(letter, index);
            }
        }

        if (found.Count > best.Count)
        {
            best.Clear();
            best.UnionWith(found.Values);
        }

        return found.Count == ScoreSheetColumns.Headers.Count ? found : null;
    }

    // Problems in column order, left to right as the user reads the row.
    private static ScoreSheetRow Parse(int rowNumber, object?[] values)
    {
        var problems = new List<string>();
        var ticketNumber = ReadTicketNumber(values[0], problems);
        var fullName = CellText.Clean(CellText.Display(values[1], isDateColumn: false));
        if (fullName.Length == 0)
        {
            problems.Add("请填写姓名（与准考证上的姓名一致）");
        }

        var (value, problem) = ReadScore(values[2]);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        return new ScoreSheetRow(rowNumber, ticketNumber, fullName, value, problems);
    }

    private static string ReadTicketNumber(object? cell, List<string> problems)
    {
        // Twelve digits are well within the 15 a double holds exactly, so a ticket number Excel stored as a
        // number reads back whole (unlike an 18-digit ID number).
        var text = cell is double number && number == Math.Floor(number) && number is >= 0 and < LargestConvertible
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : IdentityNumber.Normalize(CellText.Display(cell, isDateColumn: false));
        if (text.Length == 0)
        {
            problems.Add($"请填写准考证号（{TicketNumber.Length}位数字）");
        }
        else if (!TicketNumber.IsWellFormed(text))
        {
            problems.Add($"准考证号“{text}”不是{TicketNumber.Length}位数字，请按准考证核对");
        }

        return text;
    }

    private static (ScoreValue? Value, string? Problem) ReadScore(object? cell)
    {
        if (cell is double number)
        {
            // Excel keeps 59.9 as the nearest double, and a computed score may carry binary noise
            // (59.900000000000006); rounding well below the first decimal gives back the number shown.
            return double.IsFinite(number) && Math.Abs(number) < LargestConvertible
                ? FromNumber(Math.Round((decimal)number, 6))
                : (null, OutOfRange(number.ToString(CultureInfo.InvariantCulture)));
        }

        // Full-width digits and points and the Chinese full stop come from Chinese input methods.
        var typed = CellText.Display(cell, isDateColumn: false).Trim();
        var key = CellText.Key(typed).Replace('．', '.').Replace('。', '.');
        if (decimal.TryParse(key, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
        {
            return FromNumber(points);
        }

        // Anything else is quoted back as typed.
        return ScoreValue.Parse(key == ScoreValue.AbsentText ? key : typed);
    }

    // The domain reads no sign, so it would call -1 "not a number"; a negative number is out of range.
    private static (ScoreValue? Value, string? Problem) FromNumber(decimal points) =>
        points < 0
            ? (null, OutOfRange(points.ToString("0.##########", CultureInfo.InvariantCulture)))
            : ScoreValue.Parse(points.ToString(CultureInfo.InvariantCulture));

    private static string OutOfRange(string shown) => $"成绩{shown}超出0—100的范围，请核对";
}
