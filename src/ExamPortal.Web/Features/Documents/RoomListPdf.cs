using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《考场安排表》: one sitting's candidates grouped by room in seat order, for the centre to post at
/// the venue and hand to the invigilators. A4 portrait; each room opens with its name and head
/// count, every page repeats the header row, and 第 N 页 共 M 页 counts the plan's pages.
/// </summary>
public static class RoomListPdf
{
    public const string Title = "考场安排表";

    private const double SideMargin = 36;
    private const double TopMargin = 36;
    private const double BottomMargin = 48;

    private const double RowHeight = 22;
    private const double RoomGap = 14;

    // 523 pt between the margins; 报名来源 takes the rest, and a long institution name wraps in it.
    private static readonly (string Caption, double Width)[] Columns =
    [
        ("座位号", 50), ("准考证号", 110), ("姓名", 80), ("证件号码", 130), ("报名来源", 153),
    ];

    private static readonly double TableWidth = Columns.Sum(c => c.Width);

    /// <summary>A document with the lists of <paramref name="plans"/>, one after the other.</summary>
    public static byte[] Build(IReadOnlyList<RoomListPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        using var document = FormDocument.Create(Title);
        foreach (var plan in plans)
        {
            AddPlan(document, plan);
        }

        return FormDocument.Save(document);
    }

    /// <summary>
    /// Adds one sitting's list to <paramref name="document"/>, rooms in the order they first appear
    /// in <see cref="RoomListPlan.Entries"/> and candidates by seat within each.
    /// </summary>
    public static void AddPlan(PdfDocument document, RoomListPlan plan)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(plan);
        ChineseFontResolver.EnsureRegistered(); // for a document not made by FormDocument.Create
        var firstPage = document.PageCount;
        var rooms = plan.Entries.GroupBy(e => e.RoomName, StringComparer.Ordinal).ToList();
        var headerFont = FormPage.Font(10);
        var valueFont = FormPage.Font(10.5);
        var roomFont = FormPage.Font(12, bold: true);
        var header = Columns.Select(c => FormCell.Label(c.Caption, c.Width)).ToList();
        var headerHeight = FormPage.LineHeight(headerFont) + (2 * FormPage.CellPadding);

        var page = FirstPage(document, plan, rooms.Count);
        try
        {
            foreach (var room in rooms)
            {
                var entries = room.OrderBy(e => e.Seat).ToList();
                var firstRow = page.MeasureRow(Cells(entries[0]), headerFont, valueFont, RowHeight);

                // A room's name never ends a page: it starts where its header row and first candidate fit too.
                if (page.Y + RoomGap + FormPage.LineHeight(roomFont) + headerHeight + firstRow.Height > page.Height - BottomMargin)
                {
                    page.Dispose();
                    page = NextPage(document, plan);
                }

                page.Y += RoomGap;
                RoomHeading(page, roomFont, $"{room.Key}（{entries.Count.ToString(CultureInfo.InvariantCulture)}人）");
                page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
                foreach (var entry in entries)
                {
                    var row = page.MeasureRow(Cells(entry), headerFont, valueFont, RowHeight);
                    if (page.Y + row.Height > page.Height - BottomMargin)
                    {
                        page.Dispose();
                        page = NextPage(document, plan);
                        RoomHeading(page, roomFont, $"{room.Key}（续）");
                        page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
                    }

                    page.DrawRow(row, SideMargin);
                }
            }
        }
        finally
        {
            page.Dispose();
        }

        PageNumbers(document, firstPage);
    }

    private static FormPage FirstPage(PdfDocument document, RoomListPlan plan, int roomCount)
    {
        var page = new FormPage(document) { Y = TopMargin };
        page.Title(Title);
        var font = FormPage.Font(10.5);
        var lineHeight = FormPage.LineHeight(font);
        string[] facts =
        [
            $"考核批次：{plan.BatchTitle}　　考核项目：{plan.ProjectName}",
            $"考核日期：{AdmissionTicketPdf.ExamDate(plan.ExamDate)}　　考核时间：{AdmissionTicketPdf.ExamTime(plan.StartTime, plan.EndTime)}",
            $"考点：{plan.Venue}",
            string.Create(CultureInfo.InvariantCulture, $"考场数：{roomCount}个　　考生人数：{plan.Entries.Count}人"),
        ];
        foreach (var fact in facts)
        {
            page.Paragraph(fact, font, lineHeight, x: SideMargin, width: TableWidth);
        }

        return page;
    }

    // A page that strays from the pile still says which sitting it belongs to.
    private static FormPage NextPage(PdfDocument document, RoomListPlan plan)
    {
        var page = new FormPage(document) { Y = TopMargin };
        var font = FormPage.Font(10);
        page.Paragraph(
            $"{Title}（续）　　{plan.BatchTitle}　　{plan.ProjectName}　　{AdmissionTicketPdf.ExamDate(plan.ExamDate)} {AdmissionTicketPdf.ExamTime(plan.StartTime, plan.EndTime)}",
            font,
            FormPage.LineHeight(font),
            x: SideMargin,
            width: TableWidth);
        page.Y += 6;
        return page;
    }

    private static void RoomHeading(FormPage page, XFont font, string text)
    {
        page.Paragraph(text, font, FormPage.LineHeight(font), x: SideMargin, width: TableWidth);
        page.Y += 2;
    }

    private static List<FormCell> Cells(RoomListEntry entry)
    {
        string[] values = [AdmissionTicketPdf.Seat(entry.Seat), entry.TicketNumber, entry.FullName, entry.MaskedIdNumber, entry.Source];
        return values.Select((value, i) => new FormCell(value, Columns[i].Width)).ToList();
    }

    // As in RosterPdf: M is known once the plan has run out; pages before this plan are left alone.
    // The certificate register and the results list, with the same 48 pt bottom margin, number theirs here too.
    internal static void PageNumbers(PdfDocument document, int firstPage)
    {
        var font = FormPage.Font(9.5);
        var count = document.PageCount - firstPage;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[firstPage + i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var line = new XRect(0, page.Height.Point - BottomMargin + 14, page.Width.Point, FormPage.LineHeight(font));
            graphics.DrawString($"第 {i + 1} 页 共 {count} 页", font, XBrushes.Black, line, XStringFormats.Center);
        }
    }
}
