using System.Xml.Linq;
using ExamPortal.Web.Features.Imports;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>
/// Builds spreadsheets the way institutions' files arrive: MiniExcel writes the cells (strings, doubles,
/// dates) with no header styling, and the package editor the portal uses adds what people's files have
/// besides: merged title cells, missing rows, cell formats.
/// </summary>
internal static class Workbooks
{
    private static readonly XNamespace Main = XlsxPackage.Main;

    public static byte[] Build(string sheetName, IEnumerable<object?[]> rows, Action<XlsxPackage>? edit = null) =>
        Build([(sheetName, rows)], edit);

    public static byte[] Build(IEnumerable<(string Name, IEnumerable<object?[]> Rows)> sheets, Action<XlsxPackage>? edit = null)
    {
        var data = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
        {
            var list = rows.ToList();
            var width = list.Count == 0 ? 1 : list.Max(r => r.Length);
            data[name] = list.Select(r => Enumerable.Range(0, width)
                .ToDictionary(i => $"c{i:00}", i => i < r.Length ? r[i] : null)).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data, printHeader: false, configuration: new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            FreezeRowCount = 0,
        });
        return edit is null ? stream.ToArray() : XlsxPackage.Edit(stream.ToArray(), edit);
    }

    /// <summary>Merges ranges such as "A1:N1", as a title spread over the table's width.</summary>
    public static void Merge(XlsxPackage package, string sheetName, params string[] ranges) =>
        XlsxPackage.AddToWorksheet(package.Worksheet(sheetName), new XElement(Main + "mergeCells",
            new XAttribute("count", ranges.Length),
            ranges.Select(r => new XElement(Main + "mergeCell", new XAttribute("ref", r)))));

    /// <summary>Drops rows that hold no value at all: Excel does not write empty rows, it skips their numbers.</summary>
    public static void DropEmptyRows(XlsxPackage package, string sheetName) =>
        package.Worksheet(sheetName).Descendants(Main + "row")
            .Where(row => !row.Descendants(Main + "v").Any(v => v.Value.Length > 0))
            .ToList()
            .ForEach(row => row.Remove());

    /// <summary>Gives one cell a number format, e.g. 31, the Chinese "1990年1月2日" date MiniExcel reads as a serial number.</summary>
    public static void Format(XlsxPackage package, string sheetName, string cell, int numberFormatId)
    {
        var style = package.AddCellFormat(numberFormatId, wrapText: false);
        package.Worksheet(sheetName).Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == cell).SetAttributeValue("s", style);
    }

    public static ApplicantSheet Read(byte[] xlsx) => ApplicantSheetReader.Read(new MemoryStream(xlsx), ImportFixtures.Context);
}
