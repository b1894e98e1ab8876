using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// Edits the XML parts of a workbook MiniExcel has written, for what MiniExcel cannot write itself:
/// column widths and formats, drop-down lists (data validation), defined names and hidden sheets.
/// </summary>
internal sealed class XlsxPackage
{
    public static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Excel refuses a file whose elements are out of the schema's order, so new children are placed by these.
    private static readonly string[] WorksheetOrder =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
        "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
        "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
        "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
        "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ];

    private static readonly string[] WorkbookOrder =
    [
        "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
        "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
        "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
    ];

    private readonly ZipArchive archive;
    private readonly Dictionary<string, XDocument> parts = new(StringComparer.Ordinal);

    private XlsxPackage(ZipArchive archive) => this.archive = archive;

    public static byte[] Edit(byte[] xlsx, Action<XlsxPackage> edit)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(edit);
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var package = new XlsxPackage(archive);
            edit(package);
            package.Save();
        }

        return stream.ToArray();
    }

    public static string ColumnLetter(int columnIndex) => ((char)('A' + columnIndex)).ToString();

    public XElement Worksheet(string sheetName)
    {
        var sheet = Workbook.Element(Main + "sheets")!.Elements(Main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName);
        var id = (string)sheet.Attribute(OfficeRelationships + "id")!;
        var target = (string)Part("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRelationships + "Relationship")
            .Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
        return Part(target.StartsWith('/') ? target[1..] : "xl/" + target).Root!;
    }

    /// <summary>Adds a cell format and returns its index for a cell's or a column's style.</summary>
    public int AddCellFormat(int numberFormatId, bool wrapText)
    {
        var cellFormats = Part("xl/styles.xml").Root!.Element(Main + "cellXfs")!;
        var format = new XElement(Main + "xf",
            new XAttribute("numFmtId", numberFormatId), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
            new XAttribute("borderId", 0), new XAttribute("xfId", 0), new XAttribute("applyNumberFormat", 1));
        if (wrapText)
        {
            format.Add(new XAttribute("applyAlignment", 1), new XElement(Main + "alignment", new XAttribute("vertical", "top"), new XAttribute("wrapText", 1)));
        }

        cellFormats.Add(format);
        var count = cellFormats.Elements(Main + "xf").Count();
        cellFormats.SetAttributeValue("count", count);
        return count - 1;
    }

    /// <summary>Widths, and a default format that Excel gives every cell typed into the column later.</summary>
    public void SetColumns(string sheetName, IEnumerable<(int Index, double Width, int? Style)> columns)
    {
        var worksheet = Worksheet(sheetName);
        worksheet.Element(Main + "cols")?.Remove();
        var cols = new XElement(Main + "cols");
        foreach (var (index, width, style) in columns.OrderBy(c => c.Index))
        {
            var col = new XElement(Main + "col",
                new XAttribute("min", index + 1), new XAttribute("max", index + 1),
                new XAttribute("width", width.ToString(CultureInfo.InvariantCulture)), new XAttribute("customWidth", 1));
            if (style is { } s)
            {
                col.Add(new XAttribute("style", s));
            }

            cols.Add(col);
        }

        AddToWorksheet(worksheet, cols);
    }

    /// <summary>Gives the cells already written in a column, below the header, another format.</summary>
    public void StyleCells(string sheetName, int columnIndex, int style)
    {
        var letter = ColumnLetter(columnIndex);
        foreach (var cell in Worksheet(sheetName).Descendants(Main + "c"))
        {
            var reference = (string?)cell.Attribute("r") ?? string.Empty;
            if (reference.StartsWith(letter, StringComparison.Ordinal)
                && int.TryParse(reference.AsSpan(letter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 1)
            {
                cell.SetAttributeValue("s", style);
            }
        }
    }

    /// <summary>A drop-down list on a range, its choices given by a formula such as a defined name.</summary>
    public void AddListValidation(string sheetName, string range, string choicesFormula, string error)
    {
        var worksheet = Worksheet(sheetName);
        var validations = worksheet.Element(Main + "dataValidations");
        if (validations is null)
        {
            validations = new XElement(Main + "dataValidations");
            AddToWorksheet(worksheet, validations);
        }

        validations.Add(new XElement(Main + "dataValidation",
            new XAttribute("type", "list"), new XAttribute("allowBlank", 1), new XAttribute("showErrorMessage", 1),
            new XAttribute("errorTitle", "请从下拉列表选择"), new XAttribute("error", error), new XAttribute("sqref", range),
            new XElement(Main + "formula1", choicesFormula)));
        validations.SetAttributeValue("count", validations.Elements().Count());
    }

    public void AddDefinedName(string name, string reference)
    {
        var names = Workbook.Element(Main + "definedNames");
        if (names is null)
        {
            names = new XElement(Main + "definedNames");
            Insert(Workbook, names, WorkbookOrder);
        }

        names.Add(new XElement(Main + "definedName", new XAttribute("name", name), reference));
    }

    public void HideSheet(string sheetName) =>
        Workbook.Element(Main + "sheets")!.Elements(Main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName)
            .SetAttributeValue("state", "hidden");

    /// <summary>Adds a child to a worksheet at the place the schema's sequence requires.</summary>
    public static void AddToWorksheet(XElement worksheet, XElement child) => Insert(worksheet, child, WorksheetOrder);

    private static void Insert(XElement parent, XElement child, IReadOnlyList<string> order)
    {
        var rank = IndexIn(order, child.Name.LocalName);
        var next = parent.Elements().FirstOrDefault(e => IndexIn(order, e.Name.LocalName) > rank);
        if (next is null)
        {
            parent.Add(child);
        }
        else
        {
            next.AddBeforeSelf(child);
        }
    }

    private XElement Workbook => Part("xl/workbook.xml").Root!;

    private static int IndexIn(IReadOnlyList<string> order, string name)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == name)
            {
                return i;
            }
        }

        return order.Count;
    }

    private XDocument Part(string path)
    {
        if (!parts.TryGetValue(path, out var document))
        {
            var entry = archive.GetEntry(path) ?? throw new InvalidOperationException($"The workbook has no part {path}.");
            using var stream = entry.Open();
            document = XDocument.Load(stream);
            parts.Add(path, document);
        }

        return document;
    }

    private void Save()
    {
        foreach (var (path, document) in parts)
        {
            using var stream = archive.GetEntry(path)!.Open();
            stream.SetLength(0);
            document.Save(stream, SaveOptions.DisableFormatting);
        }
    }
}
