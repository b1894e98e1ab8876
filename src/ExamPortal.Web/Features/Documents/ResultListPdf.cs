using System.Globalization;
using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Results;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// The 成绩公示 of a batch as a PDF to post and publish: a title, the publicity period and how to
/// object, then each project under its own heading with a table of its candidates. A4 portrait; a
/// table that runs over a page goes on under the project's name and the repeated header row, and
/// every page says 第 N 页 共 M 页.
/// </summary>
public static class ResultListPdf
{
    private const string TitleSuffix = "专项职业能力省直统一考核成绩公示";

    private const double SideMargin = 36;
    private const double TopMargin = 36;
    private const double BottomMargin = 48;

    private const double RowHeight = 22;
    private const double ProjectGap = 14;

    // The publisher's name and date, right-aligned under the last table.
    private const double SignOffHeight = 70;

    // 523 pt between the margins, spread evenly enough that the columns read as a plain list.
    private static readonly (string Caption, double Width)[] Columns =
    [
        ("序号", 53), ("姓名", 110), ("准考证号", 150), ("成绩", 100), ("考核结果", 110),
    ];

    private static readonly double TableWidth = Columns.Sum(c => c.Width);

    /// <summary>“2026年第3批专项职业能力省直统一考核成绩公示”.</summary>
    public static string Title(ResultList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"{list.BatchTitle}{TitleSuffix}";
    }

    /// <summary>“2026年4月7日至2026年4月13日”, as the list and the workbook both print it.</summary>
    internal static string PublicityPeriod(ResultList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"{FormDocument.Date(list.PublicationDate)}至{FormDocument.Date(list.PublicityEnd)}";
    }

    /// <summary>The list, projects and candidates in the order given.</summary>
    public static byte[] Build(ResultList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var document = FormDocument.Create(Title(list));
        var headerFont = FormPage.Font(10.5);
        var valueFont = FormPage.Font(10.5);
        var projectFont = FormPage.Font(12, bold: true);
        var header = Columns.Select(c => FormCell.Label(c.Caption, c.Width)).ToList();
        var headerHeight = FormPage.LineHeight(headerFont) + (2 * FormPage.CellPadding);

        var page = FirstPage(document, list);
        try
        {
            foreach (var project in list.Projects)
            {
                // A project's name never ends a page: it starts where its header row and first candidate fit too.
                if (page.Y + ProjectGap + FormPage.LineHeight(projectFont) + headerHeight + RowHeight > page.Height - BottomMargin)
                {
                    page.Dispose();
                    page = NextPage(document, list);
                }

                page.Y += ProjectGap;
                ProjectHeading(page, projectFont, string.Create(CultureInfo.InvariantCulture, $"{project.ProjectName}（{project.Entries.Count}人）"));
                page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
                for (var i = 0; i < project.Entries.Count; i++)
                {
                    var row = page.MeasureRow(Cells(i + 1, project.Entries[i]), headerFont, valueFont, RowHeight);

                    // The very last row keeps the sign-off's room below it, so that never stands on a page alone.
                    var isLast = project == list.Projects[^1] && i == project.Entries.Count - 1;
                    if (page.Y + row.Height > page.Height - BottomMargin - (isLast ? SignOffHeight : 0))
                    {
                        page.Dispose();
                        page = NextPage(document, list);
                        ProjectHeading(page, projectFont, $"{project.ProjectName}（续）");
                        page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
                    }

                    page.DrawRow(row, SideMargin);
                }
            }

            if (page.Y + SignOffHeight > page.Height - BottomMargin)
            {
                page.Dispose();
                page = NextPage(document, list);
            }

            SignOff(page, list.PublicationDate);
        }
        finally
        {
            page.Dispose();
        }

        RoomListPdf.PageNumbers(document, firstPage: 0);
        return FormDocument.Save(document);
    }

    private static FormPage FirstPage(PdfDocument document, ResultList list)
    {
        var page = new FormPage(document) { Y = TopMargin };
        page.Title(Title(list));
        var font = FormPage.Font(11);
        var lineHeight = FormPage.LineHeight(font) + 2;
        var passMark = ExamOutcomes.PassMark.ToString("0", CultureInfo.InvariantCulture);
        string[] paragraphs =
        [
            $"现将{list.BatchTitle}专项职业能力省直统一考核（考核日期：{FormDocument.Date(list.ExamDate)}）成绩予以公示。考核实行百分制，成绩达{passMark}分（含）以上为合格。",
            string.Create(
                CultureInfo.InvariantCulture,
                $"公示期为{PublicityPeriod(list)}（{ResultDates.PublicityWorkingDays}个工作日）。如对成绩有异议，请于公示期内登录报名平台在“我的报名”中提出，或拨打028-86156861。"),
        ];
        foreach (var paragraph in paragraphs)
        {
            page.Paragraph(paragraph, font, lineHeight, firstLineIndent: 2 * font.Size, x: SideMargin, width: TableWidth);
        }

        return page;
    }

    // A page that strays from the pile still says which list it belongs to.
    private static FormPage NextPage(PdfDocument document, ResultList list)
    {
        var page = new FormPage(document) { Y = TopMargin };
        var font = FormPage.Font(10);
        page.Paragraph($"{Title(list)}（续）", font, FormPage.LineHeight(font), x: SideMargin, width: TableWidth);
        page.Y += 6;
        return page;
    }

    private static void ProjectHeading(FormPage page, XFont font, string text)
    {
        page.Paragraph(text, font, FormPage.LineHeight(font), x: SideMargin, width: TableWidth);
        page.Y += 2;
    }

    private static List<FormCell> Cells(int sequence, ResultListEntry entry)
    {
        string[] values = [sequence.ToString(CultureInfo.InvariantCulture), entry.MaskedName, entry.TicketNumber, entry.Score, entry.Outcome];
        return values.Select((value, i) => new FormCell(value, Columns[i].Width)).ToList();
    }

    // As a notice is signed: the publisher's name towards the right, the date centred under it.
    private static void SignOff(FormPage page, DateOnly publicationDate)
    {
        var font = FormPage.Font(12);
        var lineHeight = FormPage.LineHeight(font);
        var width = page.Graphics.MeasureString(Certificate.IssuingBody, font).Width;
        var left = SideMargin + TableWidth - 20 - width;
        page.Y += 24;
        foreach (var line in new[] { Certificate.IssuingBody, FormDocument.Date(publicationDate) })
        {
            page.Graphics.DrawString(line, font, XBrushes.Black, new XRect(left, page.Y, width, lineHeight), XStringFormats.Center);
            page.Y += lineHeight;
        }
    }
}
