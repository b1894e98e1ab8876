using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace ExamPortal.Tests.Features.Documents;

/// <summary>Layout checks over what PdfPig reads back: where letters sit relative to the drawn table cells.</summary>
internal static class PdfLayout
{
    /// <summary>
    /// Every visible letter that starts inside a table cell (a stroked rectangle) ends inside it too:
    /// text wraps within its cell instead of running into the next one or below the row.
    /// </summary>
    public static void AssertTextStaysInsideItsCells(Page page)
    {
        var cells = Cells(page);
        Assert.NotEmpty(cells);
        foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
        {
            var box = letter.BoundingBox;
            var centre = box.Centroid;
            foreach (var cell in cells.Where(c => Contains(c, centre)))
            {
                Assert.True(
                    Contains(cell, box.BottomLeft) && Contains(cell, box.TopRight),
                    $"“{letter.Value}” at ({box.Left:0.0}, {box.Bottom:0.0}) on page {page.Number} crosses the border of the cell at ({cell.Left:0.0}, {cell.Bottom:0.0}, {cell.Right:0.0}, {cell.Top:0.0})");
            }
        }
    }

    public static IEnumerable<double> CellHeights(Page page) => Cells(page).Select(c => c.Height);

    // Ruled blanks are stroked too, but they are lines, not boxes.
    private static List<PdfRectangle> Cells(Page page) =>
        [.. page.Paths
            .Where(p => p.IsStroked)
            .Select(p => p.GetBoundingRectangle())
            .OfType<PdfRectangle>()
            .Where(r => r.Width > 1 && r.Height > 1)];

    private static bool Contains(PdfRectangle cell, PdfPoint point) =>
        point.X >= cell.Left - 0.5 && point.X <= cell.Right + 0.5 && point.Y >= cell.Bottom - 0.5 && point.Y <= cell.Top + 0.5;
}
