using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《考核人员花名册》: a submission's applicants on A4 landscape, which the institution stamps and sends
/// to the centre with the quality commitment (announcement, section 四(一)2). The table runs over as
/// many pages as it needs with its header row on each; every page says 第 N 页 共 M 页, and the last
/// carries the blanks for the institution's stamp and the clerk's signature.
/// </summary>
public static class RosterPdf
{
    public const string Title = "考核人员花名册";

    // Every point of width given to 申报条件 saves rows a line, so the roster uses narrower margins
    // than FormPage.Margin (still clear of any printer's edge and of a staple in the corner). The page
    // number sits in the bottom margin.
    private const double SideMargin = 36;
    private const double TopMargin = 36;
    private const double BottomMargin = 48;

    // The 合计 line, room above the signature line for a 42 mm seal to sit on it, and the line itself.
    private const double SignatureHeight = 96;

    // The blank page: as many handwriting-height rows as fit above the signature line.
    private const int BlankRows = 12;
    private const double BlankRowHeight = 26;
    private const string LongGap = "______________________";
    private const string ShortGap = "__________";

    // Sized for what each column holds at 9 pt: an 18-character ID number, an 11-digit mobile, 居民身份证,
    // a four-character name and all but two project names stay on one line; 申报条件 gets the most room,
    // so the longest path of the catalogue takes two lines. They add up to the 770 pt between the margins.
    private static readonly (string Caption, double Width)[] Columns =
    [
        ("序号", 30), ("姓名", 48), ("性别", 30), ("证件类型", 58), ("证件号码", 104),
        ("手机号码", 68), ("文化程度", 56), ("申报项目", 92), ("申报条件", 196), ("工作单位", 88),
    ];

    private static readonly double TableWidth = Columns.Sum(c => c.Width);

    /// <summary>
    /// Draws the roster one page at a time: each row is measured, moved to a fresh page (under a
    /// repeated header row) when it no longer fits, and drawn once.
    /// </summary>
    public static byte[] Build(SubmissionDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = FormDocument.Create($"{Title}（{data.SubmissionNumber}）");
        var headerFont = FormPage.Font(9.5);
        var valueFont = FormPage.Font(9);
        var header = Header();

        var page = FirstPage(document, Facts(data));
        try
        {
            page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
            var rowsOnPage = 0;
            foreach (var entry in data.Entries)
            {
                var row = page.MeasureRow(Cells(entry), headerFont, valueFont, minHeight: 0); // as tall as its text

                // Rows never split. Even the longest 申报条件 in the catalogue wraps to half a page; a
                // taller row would still be drawn, on a page of its own, running into the bottom margin.
                if (rowsOnPage > 0 && page.Y + row.Height > page.Height - BottomMargin)
                {
                    page.Dispose();
                    page = NextPage(document, data);
                    page.Row(header, headerFont, valueFont, minHeight: 0, SideMargin);
                    rowsOnPage = 0;
                }

                page.DrawRow(row, SideMargin);
                rowsOnPage++;
            }

            if (page.Y + SignatureHeight > page.Height - BottomMargin)
            {
                page.Dispose();
                page = NextPage(document, data);
            }

            Signatures(page, data.Entries.Count.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            page.Dispose();
        }

        PageNumbers(document);
        return FormDocument.Save(document);
    }

    /// <summary>
    /// One page of the roster with its captions and empty numbered rows, as 相关附件下载 offers it to show
    /// what the paper original holds; the one an institution sends is printed from its submission.
    /// </summary>
    public static byte[] BuildBlank()
    {
        using var document = FormDocument.Create(Title);
        var headerFont = FormPage.Font(9.5);
        var valueFont = FormPage.Font(9);
        using (var page = FirstPage(document,
        [
            $"报名机构：{LongGap}　　统一社会信用代码：{LongGap}",
            $"考核批次：{ShortGap}　　考核日期：______年____月____日　　报名人数：{ShortGap}人",
        ]))
        {
            page.Row(Header(), headerFont, valueFont, minHeight: 0, SideMargin);
            for (var sequence = 1; sequence <= BlankRows; sequence++)
            {
                string[] values = [sequence.ToString(CultureInfo.InvariantCulture), .. Enumerable.Repeat(string.Empty, Columns.Length - 1)];
                page.Row([.. values.Select((value, i) => new FormCell(value, Columns[i].Width))], headerFont, valueFont, BlankRowHeight, SideMargin);
            }

            Signatures(page, ShortGap);
        }

        PageNumbers(document);
        return FormDocument.Save(document);
    }

    private static List<FormCell> Header() => [.. Columns.Select(c => FormCell.Label(c.Caption, c.Width))];

    private static string[] Facts(SubmissionDocumentData data) =>
    [
        $"报名机构：{data.InstitutionName}　　统一社会信用代码：{data.CreditCode}",
        $"考核批次：{data.BatchTitle}　　考核日期：{FormDocument.Date(data.ExamDate)}　　报名人数：{data.Entries.Count}人",
        $"提交编号：{data.SubmissionNumber}　　提交时间：{FormDocument.Time(data.SubmittedAt)}　　提交人：{data.SubmittedBy}",
    ];

    private static FormPage FirstPage(PdfDocument document, IReadOnlyList<string> facts)
    {
        var page = new FormPage(document, PageOrientation.Landscape) { Y = TopMargin };
        page.Title(Title);
        var font = FormPage.Font(10.5);
        var lineHeight = FormPage.LineHeight(font);
        foreach (var fact in facts)
        {
            page.Paragraph(fact, font, lineHeight, x: SideMargin, width: TableWidth);
        }

        page.Y += 6;
        return page;
    }

    // A page that strays from the pile still says whose roster it belongs to.
    private static FormPage NextPage(PdfDocument document, SubmissionDocumentData data)
    {
        var page = new FormPage(document, PageOrientation.Landscape) { Y = TopMargin };
        var font = FormPage.Font(10);
        page.Paragraph(
            $"{Title}（续）　　报名机构：{data.InstitutionName}　　提交编号：{data.SubmissionNumber}",
            font,
            FormPage.LineHeight(font),
            x: SideMargin,
            width: TableWidth);
        page.Y += 6;
        return page;
    }

    private static List<FormCell> Cells(RosterEntry entry)
    {
        string[] values =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.FullName, entry.Gender, entry.IdDocumentType, entry.IdNumber,
            entry.Mobile, entry.Education, entry.ProjectName, entry.Condition, entry.Employer,
        ];
        return values.Select((value, i) => new FormCell(value, Columns[i].Width)).ToList();
    }

    private static void Signatures(FormPage page, string count)
    {
        var font = FormPage.Font(11);
        var graphics = page.Graphics;
        page.Y += 10;
        graphics.DrawString($"合计：{count}人", font, XBrushes.Black, SideMargin, page.Y, XStringFormats.TopLeft);
        page.Y += 60;

        var baseline = page.Y;
        graphics.DrawString("报名机构（盖章）：", font, XBrushes.Black, SideMargin + 20, baseline, XStringFormats.BottomLeft);
        page.Blank("经办人签字：", font, SideMargin + (TableWidth * 0.42), baseline, 110);
        var dateLeft = page.DateBlank(font, SideMargin + TableWidth - 20, baseline);
        graphics.DrawString("日期：", font, XBrushes.Black, dateLeft - graphics.MeasureString("日期：", font).Width, baseline, XStringFormats.BottomLeft);
        page.Y += 26;
    }

    // M is known only once the table has run out, so the numbers go onto the finished pages last, each
    // as a small second content stream: nothing on a page is drawn or held twice.
    private static void PageNumbers(PdfDocument document)
    {
        var font = FormPage.Font(9.5);
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var line = new XRect(0, page.Height.Point - BottomMargin + 14, page.Width.Point, FormPage.LineHeight(font));
            graphics.DrawString($"第 {i + 1} 页 共 {count} 页", font, XBrushes.Black, line, XStringFormats.Center);
        }
    }
}
