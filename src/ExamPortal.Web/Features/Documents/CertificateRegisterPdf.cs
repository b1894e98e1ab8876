using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《四川核发专项职业能力证书登记表》: the list of an institution's paper certificates that it brings
/// to the centre, signed by its head and stamped, to collect them (announcement, section 九). A4
/// landscape; the table runs over as many pages as it needs with its header row on each, each row
/// has a blank for the collector's signature, every page says 第 N 页 共 M 页, and the last carries
/// the blanks for the institution's stamp and signatures.
/// </summary>
public static class CertificateRegisterPdf
{
    public const string Title = "四川核发专项职业能力证书登记表";

    // As RosterPdf: margins narrower than FormPage.Margin, the page number in the bottom one.
    private const double SideMargin = 36;
    private const double TopMargin = 36;
    private const double BottomMargin = 48;

    // Tall enough for a signature in the last column.
    private const double RowHeight = 26;

    // The 合计 line and two lines of blanks: the stamp goes over the first, as stamps do.
    private const double SignatureHeight = 110;

    // 770 pt between the margins: an 18-character masked ID number and a 16-character certificate
    // number stay on one line; the project name gets the most, and the signature a hand's width.
    private static readonly (string Caption, double Width)[] Columns =
    [
        ("序号", 44), ("姓名", 96), ("证件号码", 150), ("专项职业能力名称", 200), ("证书编号", 140), ("领取人签字", 140),
    ];

    private static readonly double TableWidth = Columns.Sum(c => c.Width);

    /// <summary>The register, one row per certificate in the order given.</summary>
    public static byte[] Build(CertificateRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        using var document = FormDocument.Create($"{Title}（{register.InstitutionName}）");
        var headerFont = FormPage.Font(10.5);
        var valueFont = FormPage.Font(10.5);
        var header = Columns.Select(c => FormCell.Label(c.Caption, c.Width)).ToList();

        var page = FirstPage(document, register);
        try
        {
            page.Row(header, headerFont, valueFont, minHeight: RowHeight, SideMargin);
            var rowsOnPage = 0;
            for (var i = 0; i < register.Entries.Count; i++)
            {
                var row = page.MeasureRow(Cells(i + 1, register.Entries[i]), headerFont, valueFont, RowHeight);

                // The last row keeps the signatures' room below it, so they never sit on a page of their own.
                var bottom = page.Height - BottomMargin - (i == register.Entries.Count - 1 ? SignatureHeight : 0);
                if (rowsOnPage > 0 && page.Y + row.Height > bottom)
                {
                    page.Dispose();
                    page = NextPage(document, register);
                    page.Row(header, headerFont, valueFont, minHeight: RowHeight, SideMargin);
                    rowsOnPage = 0;
                }

                page.DrawRow(row, SideMargin);
                rowsOnPage++;
            }

            if (page.Y + SignatureHeight > page.Height - BottomMargin)
            {
                page.Dispose();
                page = NextPage(document, register);
            }

            Signatures(page, register.Entries.Count);
        }
        finally
        {
            page.Dispose();
        }

        RoomListPdf.PageNumbers(document, firstPage: 0);
        return FormDocument.Save(document);
    }

    private static FormPage FirstPage(PdfDocument document, CertificateRegister register)
    {
        var page = new FormPage(document, PageOrientation.Landscape) { Y = TopMargin };
        page.Title(Title);
        var font = FormPage.Font(11);
        var lineHeight = FormPage.LineHeight(font);
        var projects = string.Join("、", register.Entries.Select(e => e.ProjectName).Distinct(StringComparer.Ordinal));
        string[] facts =
        [
            $"报名机构：{register.InstitutionName}",
            string.Create(CultureInfo.InvariantCulture, $"考核批次：{register.BatchTitle}　　考核日期：{FormDocument.Date(register.ExamDate)}　　证书数量：{register.Entries.Count}本"),
            $"专项职业能力名称：{projects}",
            $"领取日期：{FormDocument.Date(register.CollectableFrom)}起（凭本表到四川省职业技能鉴定指导中心领取纸质证书）",
        ];
        foreach (var fact in facts)
        {
            page.Paragraph(fact, font, lineHeight, x: SideMargin, width: TableWidth);
        }

        page.Y += 6;
        return page;
    }

    // A page that strays from the pile still says whose certificates it lists.
    private static FormPage NextPage(PdfDocument document, CertificateRegister register)
    {
        var page = new FormPage(document, PageOrientation.Landscape) { Y = TopMargin };
        var font = FormPage.Font(10.5);
        page.Paragraph(
            $"{Title}（续）　　报名机构：{register.InstitutionName}　　考核批次：{register.BatchTitle}",
            font,
            FormPage.LineHeight(font),
            x: SideMargin,
            width: TableWidth);
        page.Y += 6;
        return page;
    }

    private static List<FormCell> Cells(int sequence, CertificateRegisterEntry entry)
    {
        string[] values =
        [
            sequence.ToString(CultureInfo.InvariantCulture), entry.FullName, entry.MaskedIdNumber, entry.ProjectName, entry.CertificateNumber, string.Empty,
        ];
        return values.Select((value, i) => new FormCell(value, Columns[i].Width)).ToList();
    }

    // The stamp goes over 报名机构（盖章）; the head signs beside it, the clerk on the line below.
    private static void Signatures(FormPage page, int count)
    {
        var font = FormPage.Font(12);
        var graphics = page.Graphics;
        page.Y += 8;
        graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"合计：{count}人，证书{count}本"), font, XBrushes.Black, SideMargin, page.Y, XStringFormats.TopLeft);
        page.Y += 56;

        var column = TableWidth / 3;
        var baseline = page.Y;
        graphics.DrawString("报名机构（盖章）：", font, XBrushes.Black, SideMargin + 20, baseline, XStringFormats.BottomLeft);
        page.Blank("负责人签字：", font, SideMargin + 20 + column, baseline, 130);
        page.Y += 40;

        baseline = page.Y;
        page.Blank("经办人：", font, SideMargin + 20, baseline, 130);
        page.Blank("联系电话：", font, SideMargin + 20 + column, baseline, 130);
        var dateLeft = page.DateBlank(font, SideMargin + TableWidth - 20, baseline);
        graphics.DrawString("日期：", font, XBrushes.Black, dateLeft - graphics.MeasureString("日期：", font).Width, baseline, XStringFormats.BottomLeft);
        page.Y += 6;
    }
}
