using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One A4 page of a printable form: a title, bordered tables whose rows grow with wrapped text, and
/// paragraphs, laid out top to bottom from <see cref="Y"/>. Portrait unless a wide table needs landscape.
/// </summary>
internal sealed class FormPage : IDisposable
{
    public const double Margin = 56; // about 2 cm, inside every printer's unprintable edge
    public const double CellPadding = 5;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XPen Border = new(XColors.Black, 0.8);
    private static readonly XBrush LabelFill = new XSolidBrush(XColor.FromArgb(238, 238, 238));

    private readonly XGraphics graphics;

    public FormPage(PdfDocument document, PageOrientation orientation = PageOrientation.Portrait)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = orientation;
        graphics = XGraphics.FromPdfPage(page);
        Width = page.Width.Point;
        Height = page.Height.Point;
        Y = Margin;
    }

    public double Width { get; }

    public double Height { get; }

    public double ContentWidth => Width - (2 * Margin);

    public double Y { get; set; }

    public XGraphics Graphics => graphics;

    public static XFont Font(double size, bool bold = false) =>
        new(ChineseFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public static double LineHeight(XFont font) => font.Size * 1.45;

    /// <summary>A centred title; a '\n' (or a title wider than the page) starts a second centred line.</summary>
    public void Title(string text)
    {
        var font = Font(18, bold: true);
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, Y, ContentWidth, LineHeight(font)), XStringFormats.Center);
            Y += LineHeight(font);
        }

        Y += 14;
    }

    public IReadOnlyList<string> Wrap(string text, XFont font, double width, double firstLineIndent = 0) =>
        CjkLineBreaker.Wrap(text, width, s => graphics.MeasureString(s, font).Width, firstLineIndent);

    /// <summary>Draws a paragraph at <see cref="Y"/> and moves below it.</summary>
    public void Paragraph(string text, XFont font, double lineHeight, double firstLineIndent = 0, double x = Margin, double? width = null)
    {
        var lines = Wrap(text, font, width ?? ContentWidth, firstLineIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            graphics.DrawString(lines[i], font, XBrushes.Black, x + (i == 0 ? firstLineIndent : 0), Y, XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    /// <summary>Notes under a heading, numbered, with wrapped lines hanging under the text, not the number.</summary>
    public void Notes(string heading, IReadOnlyList<string> notes, XFont font)
    {
        var lineHeight = LineHeight(font);
        Paragraph(heading, font, lineHeight);
        for (var i = 0; i < notes.Count; i++)
        {
            var number = $"{i + 1}. ";
            var hang = graphics.MeasureString(number, font).Width;
            graphics.DrawString(number, font, XBrushes.Black, Margin, Y, XStringFormats.TopLeft);
            Paragraph(notes[i], font, lineHeight, x: Margin + hang, width: ContentWidth - hang);
        }
    }

    /// <summary>
    /// Draws one table row of cells from <paramref name="x"/> at <see cref="Y"/>, as tall as its
    /// longest wrapped text or <paramref name="minHeight"/>, and moves below it.
    /// </summary>
    public double Row(IReadOnlyList<FormCell> cells, XFont labelFont, XFont valueFont, double minHeight, double x = Margin)
    {
        var row = MeasureRow(cells, labelFont, valueFont, minHeight);
        DrawRow(row, x);
        return row.Height;
    }

    /// <summary>
    /// Wraps a row's cells and works out its height without drawing it, so that a table running over
    /// several pages can see whether the row still fits on this one before drawing it.
    /// </summary>
    public FormRow MeasureRow(IReadOnlyList<FormCell> cells, XFont labelFont, XFont valueFont, double minHeight)
    {
        var wrapped = cells
            .Select(cell => Wrap(cell.Text, cell.IsLabel ? labelFont : valueFont, cell.Width - (2 * CellPadding)))
            .ToList();
        var height = minHeight;
        for (var i = 0; i < cells.Count; i++)
        {
            var font = cells[i].IsLabel ? labelFont : valueFont;
            height = Math.Max(height, (wrapped[i].Count * LineHeight(font)) + (2 * CellPadding));
        }

        return new FormRow(cells, wrapped, labelFont, valueFont, height);
    }

    /// <summary>Draws a measured row from <paramref name="x"/> at <see cref="Y"/> and moves below it.</summary>
    public void DrawRow(FormRow row, double x = Margin)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var font = cell.IsLabel ? row.LabelFont : row.ValueFont;
            var box = new XRect(x, Y, cell.Width, row.Height);
            if (cell.IsLabel)
            {
                graphics.DrawRectangle(LabelFill, box);
            }

            graphics.DrawRectangle(Border, box);
            var lineHeight = LineHeight(font);
            var top = Y + ((row.Height - (row.Lines[i].Count * lineHeight)) / 2);
            foreach (var line in row.Lines[i])
            {
                // Captions centred like a printed form; typed values from the left, where handwriting starts.
                var lineBox = new XRect(x + CellPadding, top, cell.Width - (2 * CellPadding), lineHeight);
                graphics.DrawString(line, font, XBrushes.Black, lineBox, cell.IsLabel ? XStringFormats.Center : XStringFormats.CenterLeft);
                top += lineHeight;
            }

            x += cell.Width;
        }

        Y += row.Height;
    }

    public void Box(XRect box) => graphics.DrawRectangle(Border, box);

    /// <summary>A caption followed by a ruled blank to write on, e.g. "申报人签名：______".</summary>
    public void Blank(string caption, XFont font, double x, double y, double blankWidth)
    {
        graphics.DrawString(caption, font, XBrushes.Black, x, y, XStringFormats.BottomLeft);
        var start = x + graphics.MeasureString(caption, font).Width;
        graphics.DrawLine(Border, start, y + 2, start + blankWidth, y + 2);
    }

    /// <summary>
    /// "____年____月____日" with a ruled blank before each unit, ending at <paramref name="right"/>;
    /// returns where it starts, for a caption in front of it.
    /// </summary>
    public double DateBlank(XFont font, double right, double y)
    {
        const double blank = 34;
        var unitWidth = graphics.MeasureString("年", font).Width;
        var left = right - (3 * (blank + unitWidth));
        var x = left;
        foreach (var unit in new[] { "年", "月", "日" })
        {
            graphics.DrawLine(Border, x, y + 2, x + blank, y + 2);
            graphics.DrawString(unit, font, XBrushes.Black, x + blank, y, XStringFormats.BottomLeft);
            x += blank + unitWidth;
        }

        return left;
    }

    public void Dispose() => graphics.Dispose();
}
