using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《准考证》: one A4 portrait page per candidate with the photo, the sitting, the room and seat, a QR
/// code that checks the ticket is genuine, and the rules for the exam day (announcement, sections 六
/// to 八). Candidates print it on whatever they have (announcement, section 六: “黑白、彩色均可”), so
/// everything is black on white.
/// </summary>
public static class AdmissionTicketPdf
{
    public const string Title = "准考证";

    // A one-inch photo, 25 mm × 35 mm, the shape of the 295 × 413 px photos candidates upload.
    private const double PhotoWidth = 25 / 25.4 * 72;
    private const double PhotoHeight = 35 / 25.4 * 72;

    // 30 mm: with the quiet zone a module stays above 0.6 mm for URLs up to about 100 characters.
    internal const double QrSize = 30 / 25.4 * 72;

    // Whole pixels per module, so module edges fall on pixel edges and, drawn without interpolation,
    // stay sharp. Eight keeps the width a whole number of bytes, which PDFsharp's 1-bit PNG import reads.
    private const int QrPixelsPerModule = 8;

    private const double LabelWidth = 76;
    private const double SideColumnWidth = 112;
    private const double SeatLabelWidth = 60;
    private const double SeatWidth = 70;
    private const double RowHeight = 36;

    // Section 七 of the announcement, and what a candidate must know to get in on the day.
    private static readonly string[] Rules =
    [
        "考生须持本准考证和有效身份证件（第二代居民身份证）参加考核；过期身份证、第一代身份证、身份证复印件及其他证件、证明均不予认可。",
        "请按本准考证指定的时间、地点和考场参加考核，于考核开始前30分钟到达考点。",
        "准考证须使用A4纸打印，黑白、彩色均可，确保字迹、照片和二维码清晰；请妥善保管，不得涂改。",
        "逾期未完成准考证打印影响考核的，一切后果由考生本人承担。",
        "考核实行百分制，成绩达60分（含）以上为合格；成绩于考核结束5个工作日后公示。",
    ];

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    private static readonly XPen PhotoBorder = new(XColors.Black, 0.6);

    // The year of the sitting, so a 2027 batch's tickets do not say 2026.
    private static string Heading(DateOnly examDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{examDate.Year}年四川省专项职业能力省直统一考核");

    /// <summary>A one-page document holding the ticket.</summary>
    public static byte[] Build(AdmissionTicketSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var document = FormDocument.Create($"{Title}（{sheet.TicketNumber}）");
        AddPage(document, sheet);
        return FormDocument.Save(document);
    }

    /// <summary>Adds the ticket to <paramref name="document"/> as exactly one A4 portrait page.</summary>
    public static void AddPage(PdfDocument document, AdmissionTicketSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sheet);
        ChineseFontResolver.EnsureRegistered(); // for a document not made by FormDocument.Create
        using var page = new FormPage(document);
        var graphics = page.Graphics;

        var heading = FormPage.Font(16, bold: true);
        var title = FormPage.Font(26, bold: true);
        graphics.DrawString(Heading(sheet.ExamDate), heading, XBrushes.Black, new XRect(FormPage.Margin, page.Y, page.ContentWidth, FormPage.LineHeight(heading)), XStringFormats.Center);
        page.Y += FormPage.LineHeight(heading);
        graphics.DrawString(Title, title, XBrushes.Black, new XRect(FormPage.Margin, page.Y, page.ContentWidth, FormPage.LineHeight(title)), XStringFormats.Center);
        page.Y += FormPage.LineHeight(title) + 12;

        var value = FormPage.Font(12);
        var valueWidth = page.ContentWidth - LabelWidth - SideColumnWidth;
        var side = FormPage.Margin + page.ContentWidth - SideColumnWidth;

        var photoTop = page.Y;
        Row(page, "准考证号", sheet.TicketNumber, valueWidth, FormPage.Font(16, bold: true));
        Row(page, "姓名", sheet.FullName, valueWidth, FormPage.Font(14, bold: true));
        Row(page, "证件类型", sheet.IdDocumentTypeName, valueWidth, value);
        Row(page, "证件号码", sheet.MaskedIdNumber, valueWidth, value);
        var photoCell = new XRect(side, photoTop, SideColumnWidth, page.Y - photoTop);
        page.Box(photoCell);
        Photo(graphics, sheet.Photo, Centred(photoCell, PhotoWidth, PhotoHeight), FormPage.Font(11));

        var qrTop = page.Y;
        Row(page, "考核项目", sheet.ProjectName, valueWidth, value);
        Row(page, "考核批次", sheet.BatchTitle, valueWidth, value);
        Row(page, "考核日期", ExamDate(sheet.ExamDate), valueWidth, value);
        Row(page, "考核时间", ExamTime(sheet.StartTime, sheet.EndTime), valueWidth, value);
        Row(page, "考点", sheet.Venue, valueWidth, value);
        Row(
            page,
            [
                FormCell.Label("考场", LabelWidth),
                new(sheet.RoomName, valueWidth - SeatLabelWidth - SeatWidth),
                FormCell.Label("座位号", SeatLabelWidth),
                new(Seat(sheet.Seat), SeatWidth),
            ],
            FormPage.Font(14, bold: true));
        var qrCell = new XRect(side, qrTop, SideColumnWidth, page.Y - qrTop);
        page.Box(qrCell);
        QrCode(graphics, sheet.VerificationUrl, qrCell, "扫码核验准考证真伪");

        page.Y += 28;
        page.Notes("考生须知：", Rules, FormPage.Font(12));
    }

    /// <summary>“2026年3月28日（星期六）”: candidates plan their day by the weekday.</summary>
    internal static string ExamDate(DateOnly date) => $"{FormDocument.Date(date)}（{Weekdays[(int)date.DayOfWeek]}）";

    /// <summary>“09:00—11:00” on the 24-hour clock, as Chinese timetables print it.</summary>
    internal static string ExamTime(TimeOnly start, TimeOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:HH:mm}—{end:HH:mm}");

    /// <summary>Two digits, as seat labels on desks are printed: 07.</summary>
    internal static string Seat(int seat) => seat.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// The photo scaled into <paramref name="box"/> keeping its shape, with a border; “无照片” when
    /// there is none. A JPEG is embedded as it is (PDF shows JPEG natively), so nothing is re-encoded.
    /// </summary>
    internal static void Photo(XGraphics graphics, byte[]? photo, XRect box, XFont captionFont)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        graphics.DrawRectangle(PhotoBorder, box);
        if (photo is null)
        {
            graphics.DrawString("无照片", captionFont, XBrushes.Black, box, XStringFormats.Center);
            return;
        }

        using var stream = new MemoryStream(photo, writable: false);
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(box.Width / image.PixelWidth, box.Height / image.PixelHeight);
        graphics.DrawImage(image, Centred(box, image.PixelWidth * scale, image.PixelHeight * scale));
    }

    private static XRect Centred(XRect outer, double width, double height) =>
        new(outer.X + ((outer.Width - width) / 2), outer.Y + ((outer.Height - height) / 2), width, height);

    private static void Row(FormPage page, string caption, string text, double valueWidth, XFont valueFont) =>
        Row(page, [FormCell.Label(caption, LabelWidth), new(text, valueWidth)], valueFont);

    // FormPage.DrawRow shades captions; on a ticket from a home printer that grey becomes a dither
    // behind the text, so the ticket draws its rows itself, ruled black on white.
    private static void Row(FormPage page, IReadOnlyList<FormCell> cells, XFont valueFont)
    {
        var row = page.MeasureRow(cells, FormPage.Font(11.5), valueFont, RowHeight);
        var x = FormPage.Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var font = cell.IsLabel ? row.LabelFont : row.ValueFont;
            page.Box(new XRect(x, page.Y, cell.Width, row.Height));
            var lineHeight = FormPage.LineHeight(font);
            var top = page.Y + ((row.Height - (row.Lines[i].Count * lineHeight)) / 2);
            foreach (var line in row.Lines[i])
            {
                var lineBox = new XRect(x + FormPage.CellPadding, top, cell.Width - (2 * FormPage.CellPadding), lineHeight);
                page.Graphics.DrawString(line, font, XBrushes.Black, lineBox, cell.IsLabel ? XStringFormats.Center : XStringFormats.CenterLeft);
                top += lineHeight;
            }

            x += cell.Width;
        }

        page.Y += row.Height;
    }

    /// <summary>
    /// A 30 mm QR code of <paramref name="text"/> with <paramref name="caption"/> under it, the pair
    /// centred in <paramref name="cell"/>. Error correction M survives a crease or a smudge; QRCoder
    /// adds the four-module quiet zone.
    /// </summary>
    internal static void QrCode(XGraphics graphics, string text, XRect cell, string caption)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var qr = new PngByteQRCode(data);

        // Black and white as RGB: PDFsharp reads this 1-bit palette PNG but not QRCoder's 1-bit greyscale one.
        var png = qr.GetGraphic(QrPixelsPerModule, [0, 0, 0], [255, 255, 255]);

        var captionFont = FormPage.Font(9.5);
        var captionHeight = FormPage.LineHeight(captionFont);
        var top = cell.Y + ((cell.Height - QrSize - captionHeight) / 2);
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        image.Interpolate = false;
        graphics.DrawImage(image, cell.X + ((cell.Width - QrSize) / 2), top, QrSize, QrSize);
        graphics.DrawString(caption, captionFont, XBrushes.Black, new XRect(cell.X, top + QrSize, cell.Width, captionHeight), XStringFormats.Center);
    }
}
