using System.Xml;
using MiniExcelLibs;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// Reads an uploaded applicant sheet row by row. The header row may sit anywhere in the first rows (under a
/// title), columns are found by their header text in any order, other columns are ignored, blank rows are
/// skipped. Each row is checked on its own; nothing here touches the database.
/// </summary>
public static class ApplicantSheetReader
{
    public const int MaxRows = 5000;

    public const int HeaderSearchRows = 10;

    public const string NotXlsxMessage = "请上传 .xlsx 格式的Excel文件（不支持 .xls 或 .csv）";

    public static readonly string TooManyRowsMessage =
        $"文件中的考生超过{MaxRows}人，一次最多导入{MaxRows}人：请把名单分成几个文件分别上传";

    public static ApplicantSheet Read(Stream xlsx, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(context);

        using var copy = xlsx.CanSeek && xlsx.Position == 0 ? null : Copy(xlsx);
        var stream = copy ?? xlsx;
        if (!StartsLikeZip(stream) || !TryGetSheetNames(stream, out var sheetNames))
        {
            return ApplicantSheet.Refused(NotXlsxMessage);
        }

        // The template's sheet first; then any other, for institutions that paste it into their own workbook.
        var best = new HashSet<ApplicantColumn>();
        foreach (var sheetName in sheetNames.OrderBy(name => CellText.Key(name) == ApplicantTemplate.SheetName ? 0 : 1))
        {
            stream.Position = 0;
            var result = ReadSheet(stream, sheetName, new ApplicantRowParser(context), best);
            if (result is not null)
            {
                return result;
            }
        }

        var missing = ApplicantColumns.All.Where(c => c.IsRequired && !best.Contains(c)).Select(c => $"“{c.Header}”");
        return ApplicantSheet.Refused(
            $"没有找到表头行：前{HeaderSearchRows}行中没有一行包含全部必填列，缺少{string.Concat(missing)}。"
            + "请使用报名模板，保留第一行的列名（列的顺序可以调整）");
    }

    /// <summary>Null when the sheet has no header row; <paramref name="best"/> then keeps the most complete one seen.</summary>
    private static ApplicantSheet? ReadSheet(Stream stream, string sheetName, ApplicantRowParser parser, HashSet<ApplicantColumn> best)
    {
        using var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX).GetEnumerator();
        var rowNumber = 0;
        Dictionary<string, ApplicantColumn>? header = null;
        var applicants = new List<ApplicantRow>();
        for (var step = Next(rows); step != Step.End; step = Next(rows))
        {
            if (step == Step.Unreadable)
            {
                return ApplicantSheet.Refused(NotXlsxMessage);
            }

            // MiniExcel yields every row up to the last, empty ones included, so the count is Excel's row number.
            rowNumber++;
            var cells = (IDictionary<string, object?>)rows.Current;
            if (header is null)
            {
                header = HeaderOf(cells, best);
                if (header is null && rowNumber == HeaderSearchRows)
                {
                    return null;
                }

                continue;
            }

            var values = new object?[ApplicantColumns.All.Count];
            foreach (var (letter, column) in header)
            {
                values[column.Index] = cells.TryGetValue(letter, out var value) ? value : null;
            }

            if (ApplicantRowParser.IsBlank(values))
            {
                continue;
            }

            if (applicants.Count == MaxRows)
            {
                return ApplicantSheet.Refused(TooManyRowsMessage);
            }

            applicants.Add(parser.Parse(rowNumber, values));
        }

        return header is null ? null : new ApplicantSheet(applicants, []);
    }

    /// <summary>The column of each cell letter when the row holds every required header, else null.</summary>
    private static Dictionary<string, ApplicantColumn>? HeaderOf(IDictionary<string, object?> cells, HashSet<ApplicantColumn> best)
    {
        var found = new Dictionary<string, ApplicantColumn>(StringComparer.Ordinal);
        foreach (var (letter, value) in cells)
        {
            if (value is string text && ApplicantColumns.Match(text) is { } column && !found.ContainsValue(column))
            {
                found.Add(letter, column);
            }
        }

        if (found.Count > best.Count)
        {
            best.Clear();
            best.UnionWith(found.Values);
        }

        return ApplicantColumns.All.All(c => !c.IsRequired || found.ContainsValue(c)) ? found : null;
    }

    internal static MemoryStream Copy(Stream source)
    {
        var copy = new MemoryStream();
        source.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    // An .xlsx is a zip; .xls (OLE) and .csv (text) files are not, and MiniExcel would misread or reject them.
    internal static bool StartsLikeZip(Stream stream)
    {
        Span<byte> signature = stackalloc byte[4];
        var read = stream.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && signature.SequenceEqual("PK\u0003\u0004"u8);
    }

    internal static bool TryGetSheetNames(Stream stream, out List<string> names)
    {
        try
        {
            names = MiniExcel.GetSheetNames(stream);
            return names.Count > 0;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            names = [];
            return false;
        }
    }

    // Only MiniExcel's reading is guarded, so that a defect in the checks is never reported as a bad file.
    internal static Step Next(IEnumerator<object> rows)
    {
        try
        {
            return rows.MoveNext() ? Step.Row : Step.End;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            return Step.Unreadable;
        }
    }

    internal enum Step
    {
        Row,
        End,
        Unreadable,
    }

    // What MiniExcel and the zip reader throw for a damaged or foreign file.
    private static bool IsUnreadable(Exception ex) => ex is InvalidDataException or XmlException or InvalidOperationException;
}
