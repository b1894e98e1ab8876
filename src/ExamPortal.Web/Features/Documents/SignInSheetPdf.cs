using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《考生签到册》: per room, the candidates in seat order with their photos, where each signs on
/// arrival while the invigilator compares face and photo (the announcement uses the uploaded photo
/// for it, section 四). A4 portrait; every page says which sitting and room it belongs to and
/// 第 N 页 共 M 页 within the room, and the room's last page ends with the head count and the
/// invigilators' signature.
/// </summary>
public static class SignInSheetPdf
{
    public const string Title = "考生签到册";

    // As RosterPdf: narrower margins than FormPage.Margin buy the signature column its width.
    private const double SideMargin = 36;
    private const double TopMargin = 36;
    private const double BottomMargin = 48;

    // 15 mm × 21 mm, the one-inch photo's shape: large enough to tell a face from across a desk.
    private const double PhotoWidth = 15 / 25.4 * 72;
    private const double PhotoHeight = 21 / 25.4 * 72;
    private const double PhotoPadding = 4;

    // The head count and signature lines, kept at the foot of the room's last page.
    private const double FooterHeight = 64;
    private const double PresentBlank = 50;

    // 523 pt between the margins. The printed columns are as narrow as their contents at 11 pt (an
    // 18-character masked ID number on one line); the signature gets what is left.
    private static readonly (string Caption, double Width)[] Columns =
    [
        ("座位号", 44), ("照片", 50), ("姓名", 70), ("准考证号", 94), ("证件号码", 132), ("考生签名", 133),
    ];

    private static readonly double TableWidth = Columns.Sum(c => c.Width);

    /// <summary>A document with the sheets of <paramref name="rooms"/>, one after the other.</summary>
    public static byte[] Build(IReadOnlyList<SignInSheetRoom> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        using var document = FormDocument.Create(Title);
        foreach (var room in rooms)
        {
            AddRoom(document, room);
        }

        return FormDocument.Save(document);
    }

    /// <summary>
    /// Adds one room's sheet to <paramref name="document"/>: as many A4 pages as its candidates need,
    /// about nine to a page, numbered within the room.
    /// </summary>
    public static void AddRoom(PdfDocument document, SignInSheetRoom room)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(room);
        ChineseFontResolver.EnsureRegistered(); // for a document not made by FormDocument.Create
        var firstPage = document.PageCount;
        var headerFont = FormPage.Font(10.5);
        var valueFont = FormPage.Font(11);
        var header = Columns.Select(c => FormCell.Label(c.Caption, c.Width)).ToList();
        var entries = room.Entries.OrderBy(e => e.Seat).ToList();

        var page = NewPage(document, room, header, headerFont, valueFont);
        try
        {
            var rowsOnPage = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var row = page.MeasureRow(Cells(entries[i]), headerFont, valueFont, PhotoHeight + (2 * PhotoPadding));

                // The last row keeps the footer's room below it, so the count is never on a page of its own.
                var bottom = page.Height - BottomMargin - (i == entries.Count - 1 ? FooterHeight : 0);
                if (rowsOnPage > 0 && page.Y + row.Height > bottom)
                {
                    page.Dispose();
                    page = NewPage(document, room, header, headerFont, valueFont);
                    rowsOnPage = 0;
                }

                var top = page.Y;
                page.DrawRow(row, SideMargin);
                var photoCell = new XRect(SideMargin + Columns[0].Width, top, Columns[1].Width, row.Height);
                AdmissionTicketPdf.Photo(
                    page.Graphics,
                    entries[i].Photo,
                    new XRect(photoCell.X + ((photoCell.Width - PhotoWidth) / 2), photoCell.Y + ((photoCell.Height - PhotoHeight) / 2), PhotoWidth, PhotoHeight),
                    FormPage.Font(8));
                rowsOnPage++;
            }

            Footer(page, entries.Count);
        }
        finally
        {
            page.Dispose();
        }

        PageNumbers(document, firstPage);
    }

    private static FormPage NewPage(PdfDocument document, SignInSheetRoom room, List<FormCell> header, XFont headerFont, XFont valueFont)
    {
        var page = new FormPage(document) { Y = TopMargin };
        page.Title(Title);
        var font = FormPage.Font(10.5);
        var lineHeight = FormPage.LineHeight(font);
        string[] facts =
        [
            $"考核批次：{room.BatchTitle}　　考核项目：{room.ProjectName}",
            $"考核日期：{AdmissionTicketPdf.ExamDate(room.ExamDate)}　　考核时间：{AdmissionTicketPdf.ExamTime(room.StartTime, room.EndTime)}",
            $"考点：{room.Venue}",
        ];
        foreach (var fact in facts)
        {
            page.Paragraph(fact, font, lineHeight, x: SideMargin, width: TableWidth);
        }

        var roomFont = FormPage.Font(13, bold: true);
        page.Y += 2;
        page.Paragraph($"考场：{room.RoomName}", roomFont, FormPage.LineHeight(roomFont), x: SideMargin, width: TableWidth);
        page.Y += 6;
        page.Row(header, headerFont, valueFont, minHeight: 24, SideMargin);
        return page;
    }

    private static List<FormCell> Cells(SignInSheetEntry entry)
    {
        string[] values = [AdmissionTicketPdf.Seat(entry.Seat), string.Empty, entry.FullName, entry.TicketNumber, entry.MaskedIdNumber, string.Empty];
        return values.Select((value, i) => new FormCell(value, Columns[i].Width)).ToList();
    }

    private static void Footer(FormPage page, int count)
    {
        var font = FormPage.Font(12);
        var baseline = page.Height - BottomMargin - 24;
        var present = $"应到 {count.ToString(CultureInfo.InvariantCulture)} 人　　实到 ";
        page.Blank(present, font, SideMargin, baseline, PresentBlank);
        var afterBlank = SideMargin + page.Graphics.MeasureString(present, font).Width + PresentBlank;
        page.Graphics.DrawString(" 人", font, XBrushes.Black, afterBlank, baseline, XStringFormats.BottomLeft);
        page.Blank("监考员签名：", font, SideMargin + (TableWidth / 2), baseline, 160);
    }

    // M is known only once the room's rows have run out, so the numbers go onto its finished pages
    // last, as RosterPdf does; pages the document held before this room are left alone.
    private static void PageNumbers(PdfDocument document, int firstPage)
    {
        var font = FormPage.Font(10);
        var count = document.PageCount - firstPage;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[firstPage + i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var titleLine = new XRect(SideMargin, TopMargin, TableWidth, FormPage.LineHeight(FormPage.Font(18, bold: true)));
            graphics.DrawString($"第 {i + 1} 页 共 {count} 页", font, XBrushes.Black, titleLine, XStringFormats.CenterRight);
        }
    }
}
