using ExamPortal.Domain.Certificates;
using PdfSharp.Drawing;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《专项职业能力证书》 as the electronic certificate: one A4 portrait page inside a double frame, with
/// the certifying sentence, the holder's photo and particulars, the issuing body and date, and a QR
/// code that opens the certificate's verification page. Holders print it on whatever they have, so
/// only the frame is coloured; every word and the QR code are black.
/// </summary>
public static class CertificatePdf
{
    public const string Title = "专项职业能力证书";

    // The frame: a heavy outer rule and a fine inner one, inset from the paper's edge.
    private const double OuterInset = 24;
    private const double InnerInset = 31;
    private const double OrnamentSize = 14;

    // Text keeps well inside the frame: 80 pt from the paper's edge on either side.
    private const double SideMargin = 80;

    // A one-inch photo, 25 mm × 35 mm, as on the admission ticket.
    private const double PhotoWidth = 25 / 25.4 * 72;
    private const double PhotoHeight = 35 / 25.4 * 72;
    private const double PhotoGap = 24;

    private const double FieldPitch = 38;
    private const double QrCellWidth = 120;

    // A deep red, the colour of certificates' frames; in grey it prints as a dark rule.
    private static readonly XColor FrameColour = XColor.FromArgb(150, 28, 36);
    private static readonly XPen OuterRule = new(FrameColour, 2.6);
    private static readonly XPen InnerRule = new(FrameColour, 0.8);
    private static readonly XBrush FrameBrush = new XSolidBrush(FrameColour);
    private static readonly XPen FieldRule = new(XColors.Black, 0.5);

    /// <summary>A one-page document holding the certificate.</summary>
    public static byte[] Build(CertificateSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var document = FormDocument.Create($"{Title}（{sheet.Number}）");
        using (var page = new FormPage(document))
        {
            Frame(page);
            Heading(page);
            Sentence(page, sheet);
            Particulars(page, sheet);
            Issuer(page, sheet);
        }

        return FormDocument.Save(document);
    }

    private static void Frame(FormPage page)
    {
        var graphics = page.Graphics;
        graphics.DrawRectangle(OuterRule, new XRect(OuterInset, OuterInset, page.Width - (2 * OuterInset), page.Height - (2 * OuterInset)));
        var inner = new XRect(InnerInset, InnerInset, page.Width - (2 * InnerInset), page.Height - (2 * InnerInset));
        graphics.DrawRectangle(InnerRule, inner);

        // A square set into each inner corner, with a solid square at its heart: the frame's only ornament.
        foreach (var (x, y) in new[] { (inner.Left, inner.Top), (inner.Right - OrnamentSize, inner.Top), (inner.Left, inner.Bottom - OrnamentSize), (inner.Right - OrnamentSize, inner.Bottom - OrnamentSize) })
        {
            graphics.DrawRectangle(InnerRule, new XRect(x, y, OrnamentSize, OrnamentSize));
            graphics.DrawRectangle(FrameBrush, new XRect(x + 4, y + 4, OrnamentSize - 8, OrnamentSize - 8));
        }
    }

    private static void Heading(FormPage page)
    {
        var graphics = page.Graphics;
        var font = FormPage.Font(34, bold: true);

        // Spaced out like a certificate's title, one character at a time: PDFsharp has no letter spacing.
        const double spacing = 12;
        var widths = Title.Select(c => graphics.MeasureString(c.ToString(), font).Width).ToList();
        var x = (page.Width - widths.Sum() - (spacing * (Title.Length - 1))) / 2;
        page.Y = 118;
        for (var i = 0; i < Title.Length; i++)
        {
            graphics.DrawString(Title[i].ToString(), font, XBrushes.Black, x, page.Y, XStringFormats.TopLeft);
            x += widths[i] + spacing;
        }

        page.Y += FormPage.LineHeight(font) + 10;
        Ornament(page, "电子证书");
        page.Y += 50;
    }

    // A fine red rule either side of a short caption, centred under the title.
    private static void Ornament(FormPage page, string caption)
    {
        var graphics = page.Graphics;
        var font = FormPage.Font(12);
        var captionWidth = graphics.MeasureString(caption, font).Width;
        var centre = page.Width / 2;
        var lineY = page.Y + (FormPage.LineHeight(font) / 2);
        const double ruleLength = 120;
        const double gap = 14;
        graphics.DrawLine(InnerRule, centre - (captionWidth / 2) - gap - ruleLength, lineY, centre - (captionWidth / 2) - gap, lineY);
        graphics.DrawLine(InnerRule, centre + (captionWidth / 2) + gap, lineY, centre + (captionWidth / 2) + gap + ruleLength, lineY);
        graphics.DrawString(caption, font, XBrushes.Black, new XRect(0, page.Y, page.Width, FormPage.LineHeight(font)), XStringFormats.Center);
        page.Y += FormPage.LineHeight(font);
    }

    // The sentence must not end on a line of a character or two (“证。”): it is set a little smaller until it does not.
    private static void Sentence(FormPage page, CertificateSheet sheet)
    {
        var text = $"{sheet.FullName}同志于{FormDocument.Date(sheet.ExamDate)}参加{sheet.ProjectName}专项职业能力考核，成绩合格，特发此证。";
        var width = page.Width - (2 * SideMargin);
        var font = FormPage.Font(17);
        for (var size = 16.5; size >= 15 && ShortLastLine(page.Wrap(text, font, width, 2 * font.Size)); size -= 0.5)
        {
            font = FormPage.Font(size);
        }

        page.Paragraph(text, font, lineHeight: 36, firstLineIndent: 2 * font.Size, x: SideMargin, width: width);
        page.Y += 40;
    }

    private static bool ShortLastLine(IReadOnlyList<string> lines) => lines.Count > 1 && lines[^1].Length <= 3;

    // The particulars as a filled-in form: captions aligned, each value on a fine rule, the photo beside them.
    private static void Particulars(FormPage page, CertificateSheet sheet)
    {
        var graphics = page.Graphics;
        var captionFont = FormPage.Font(13);
        var valueFont = FormPage.Font(13, bold: true);
        (string Caption, string Value)[] fields =
        [
            ("姓名", sheet.FullName),
            ("证件类型", sheet.IdDocumentTypeName),
            ("证件号码", sheet.MaskedIdNumber),
            ("专项职业能力名称", sheet.ProjectName),
            ("证书编号", sheet.Number),
        ];
        var valueLeft = SideMargin + fields.Max(f => graphics.MeasureString($"{f.Caption}：", captionFont).Width) + 4;
        var photoLeft = page.Width - SideMargin - PhotoWidth;
        var valueWidth = photoLeft - PhotoGap - valueLeft;

        var top = page.Y;
        AdmissionTicketPdf.Photo(graphics, sheet.Photo, new XRect(photoLeft, top, PhotoWidth, PhotoHeight), FormPage.Font(11));
        var lineHeight = FormPage.LineHeight(valueFont);
        foreach (var (caption, value) in fields)
        {
            graphics.DrawString($"{caption}：", captionFont, XBrushes.Black, SideMargin, page.Y, XStringFormats.TopLeft);
            foreach (var line in page.Wrap(value, valueFont, valueWidth))
            {
                graphics.DrawString(line, valueFont, XBrushes.Black, valueLeft, page.Y, XStringFormats.TopLeft);
                graphics.DrawLine(FieldRule, valueLeft, page.Y + lineHeight, valueLeft + valueWidth, page.Y + lineHeight);
                page.Y += lineHeight;
            }

            page.Y += FieldPitch - lineHeight;
        }

        page.Y = Math.Max(page.Y, top + PhotoHeight);
    }

    // The QR code bottom left; the issuing body and date bottom right, where a certificate is signed.
    private static void Issuer(FormPage page, CertificateSheet sheet)
    {
        var graphics = page.Graphics;
        var footerFont = FormPage.Font(10);
        var footerTop = page.Height - InnerInset - 40;
        graphics.DrawString(
            "本证书可通过四川省专项职业能力证书查询页面核验",
            footerFont,
            XBrushes.Black,
            new XRect(0, footerTop, page.Width, FormPage.LineHeight(footerFont)),
            XStringFormats.Center);

        var qrHeight = AdmissionTicketPdf.QrSize + FormPage.LineHeight(FormPage.Font(9.5));
        var qrTop = Math.Max(page.Y + 30, footerTop - 24 - qrHeight);
        var qrLeft = SideMargin - ((QrCellWidth - AdmissionTicketPdf.QrSize) / 2);
        AdmissionTicketPdf.QrCode(graphics, sheet.VerificationUrl, new XRect(qrLeft, qrTop, QrCellWidth, qrHeight), "扫码核验证书真伪");

        var font = FormPage.Font(13);
        string[] lines = [$"发证机构：{Certificate.IssuingBody}", $"发证日期：{FormDocument.Date(sheet.IssueDate)}"];
        var left = page.Width - SideMargin - lines.Max(l => graphics.MeasureString(l, font).Width);
        var y = qrTop + ((AdmissionTicketPdf.QrSize - (lines.Length * FieldPitch)) / 2);
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, left, y, XStringFormats.TopLeft);
            y += FieldPitch;
        }
    }
}
