using System.Globalization;
using ExamPortal.Web.Features.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Help;

/// <summary>
/// A manual as an A4 PDF to print or pass on: the title, the summary and a list of the steps, then each
/// step's heading, paragraphs and screenshot, kept together on one page (a step that no longer fits starts
/// the next), numbered 第 N 页 共 M 页. The text and the pictures are the web page's (<see cref="ManualContent"/>).
/// </summary>
public static class ManualPdf
{
    // Screenshots are taken at one device pixel per CSS pixel, i.e. 96 per inch: drawn at that size a
    // phone-width picture is not blown up, and a wide one is scaled down to the page width.
    private const double ScreenshotDpi = 96;

    // A picture never takes more than this share of a page's height, so its step's text stays near it.
    private const double MaxScreenshotShare = 0.62;

    // Space between two steps on the same page, after a paragraph and above a picture.
    private const double StepGap = 18;
    private const double ParagraphGap = 2;
    private const double PictureGap = 6;

    private static readonly XPen Frame = new(XColors.Gray, 0.6);

    /// <param name="manual">What to print.</param>
    /// <param name="screenshot">The PNG of a step's screenshot, by file name.</param>
    public static byte[] Build(Manual manual, Func<string, byte[]> screenshot)
    {
        ArgumentNullException.ThrowIfNull(manual);
        ArgumentNullException.ThrowIfNull(screenshot);
        using var document = FormDocument.Create(manual.Title);
        var body = FormPage.Font(11);
        var bodyLine = body.Size * 1.7;
        var heading = FormPage.Font(14, bold: true);
        var headingLine = FormPage.LineHeight(heading) + 4;
        var indent = 2 * body.Size; // two characters, as Chinese paragraphs begin
        using (var flow = new Flow(document))
        {
            flow.Page.Title(manual.Title);
            flow.Paragraph(manual.Summary, body, bodyLine, indent);
            flow.Space(6);
            flow.Paragraph("操作步骤：", body, bodyLine);
            for (var i = 0; i < manual.Steps.Count; i++)
            {
                flow.Paragraph(Numbered(i, manual.Steps[i]), body, bodyLine, indent);
            }

            for (var i = 0; i < manual.Steps.Count; i++)
            {
                var step = manual.Steps[i];
                using var stream = new MemoryStream(screenshot(step.Screenshot), writable: false);
                using var image = XImage.FromStream(stream);
                var picture = flow.PictureSize(image);
                var text = flow.Height(Numbered(i, step), heading, headingLine)
                    + step.Paragraphs.Sum(p => flow.Height(p, body, bodyLine, indent) + ParagraphGap);

                // The reader looks from the words to the picture: they are never split across pages.
                flow.Block(StepGap, text + PictureGap + picture.Height);
                flow.Paragraph(Numbered(i, step), heading, headingLine);
                foreach (var paragraph in step.Paragraphs)
                {
                    flow.Paragraph(paragraph, body, bodyLine, indent);
                    flow.Space(ParagraphGap);
                }

                flow.Space(PictureGap);
                flow.Picture(image, picture);
            }
        }

        PageNumbers(document);
        return FormDocument.Save(document);
    }

    private static string Numbered(int index, ManualStep step) => $"{(index + 1).ToString(CultureInfo.InvariantCulture)}. {step.Title}";

    private static void PageNumbers(PdfDocument document)
    {
        var font = FormPage.Font(9.5);
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var line = new XRect(0, page.Height.Point - (FormPage.Margin / 2) - FormPage.LineHeight(font), page.Width.Point, FormPage.LineHeight(font));
            graphics.DrawString($"第 {i + 1} 页 共 {count} 页", font, XBrushes.DimGray, line, XStringFormats.Center);
        }
    }

    // Top-to-bottom layout across pages: whatever does not fit above the bottom margin starts a new page.
    private sealed class Flow(PdfDocument document) : IDisposable
    {
        public FormPage Page { get; private set; } = new(document);

        private double Bottom => Page.Height - FormPage.Margin;

        public void Space(double points) => Page.Y = Math.Min(Page.Y + points, Bottom);

        /// <summary>Moves to a new page unless <paramref name="height"/> points still fit on this one.</summary>
        public void Room(double height)
        {
            if (Page.Y + height > Bottom)
            {
                NewPage();
            }
        }

        /// <summary>
        /// Makes room for a block that must stay on one page: below a gap on this page if it fits there,
        /// otherwise at the top of the next.
        /// </summary>
        public void Block(double gap, double height)
        {
            if (Page.Y + gap + height > Bottom)
            {
                NewPage();
            }
            else
            {
                Page.Y += gap;
            }
        }

        public double Height(string text, XFont font, double lineHeight, double indent = 0) =>
            Page.Wrap(text, font, Page.ContentWidth, indent).Count * lineHeight;

        public void Paragraph(string text, XFont font, double lineHeight, double indent = 0)
        {
            var lines = Page.Wrap(text, font, Page.ContentWidth, indent);
            for (var i = 0; i < lines.Count; i++)
            {
                Room(lineHeight);
                Page.Graphics.DrawString(lines[i], font, XBrushes.Black, FormPage.Margin + (i == 0 ? indent : 0), Page.Y, XStringFormats.TopLeft);
                Page.Y += lineHeight;
            }
        }

        /// <summary>A picture's natural size, or scaled down to the page width and a share of its height.</summary>
        public XSize PictureSize(XImage image)
        {
            var width = Math.Min(Page.ContentWidth, image.PixelWidth * 72 / ScreenshotDpi);
            var height = width * image.PixelHeight / image.PixelWidth;
            var maxHeight = (Page.Height - (2 * FormPage.Margin)) * MaxScreenshotShare;
            return height > maxHeight ? new XSize(width * maxHeight / height, maxHeight) : new XSize(width, height);
        }

        /// <summary>The picture centred at <paramref name="size"/>, in a thin frame.</summary>
        public void Picture(XImage image, XSize size)
        {
            Room(size.Height);
            var box = new XRect(FormPage.Margin + ((Page.ContentWidth - size.Width) / 2), Page.Y, size.Width, size.Height);
            Page.Graphics.DrawImage(image, box);
            Page.Graphics.DrawRectangle(Frame, box);
            Page.Y += size.Height;
        }

        public void Dispose() => Page.Dispose();

        private void NewPage()
        {
            Page.Dispose();
            Page = new FormPage(document);
        }
    }
}
