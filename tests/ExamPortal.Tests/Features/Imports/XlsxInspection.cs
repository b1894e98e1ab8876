using System.IO.Compression;
using System.Xml.Linq;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>Opens a written workbook's XML, to check what Excel will see: formats, lists, hidden sheets.</summary>
internal sealed class XlsxInspection
{
    public static readonly XNamespace Main = XlsxPackage.Main;
    private static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly byte[] xlsx;

    public XlsxInspection(byte[] xlsx) => this.xlsx = xlsx;

    public XElement Workbook => Part("xl/workbook.xml");

    public XElement SheetElement(string name) => Workbook.Descendants(Main + "sheet").Single(s => (string?)s.Attribute("name") == name);

    public XElement Worksheet(string name)
    {
        var id = (string)SheetElement(name).Attribute(OfficeRelationships + "id")!;
        var target = (string)Part("xl/_rels/workbook.xml.rels").Elements(PackageRelationships + "Relationship")
            .Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
        return Part(target.StartsWith('/') ? target[1..] : "xl/" + target);
    }

    /// <summary>The number format of a cell format (style) index.</summary>
    public int NumberFormatOf(int style) =>
        (int)Part("xl/styles.xml").Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(style).Attribute("numFmtId")!;

    public XElement Part(string path)
    {
        using var archive = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(path)!.Open();
        return XDocument.Load(stream).Root!;
    }
}
