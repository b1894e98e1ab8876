using ExamPortal.Web.Features.Uploads;
using PdfSharp.Drawing;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// The two forms the candidate prints, signs by hand and uploads as scans (announcement, section 四):
/// 《四川省专项职业能力考核个人申报表》 and 《四川省专项职业能力考核个人诚信承诺书》, filled in from
/// what the candidate typed. Each is one A4 page with the font subset embedded.
/// </summary>
public static class ApplicationFormPdf
{
    public const string ApplicationFormTitle = "四川省专项职业能力考核个人申报表";

    public const string IntegrityCommitmentTitle = "四川省专项职业能力考核个人诚信承诺书";

    /// <summary>
    /// The commitment the candidate ticks in the wizard and signs on paper, word for word the same in
    /// both places; paragraphs are separated by '\n'. The quoted sentences are the announcement's.
    /// </summary>
    public const string IntegrityCommitmentWording =
        "本人自愿报名参加四川省专项职业能力考核，已认真阅读《关于四川省2026年度22个专项职业能力考核项目省直考点统一考核的公告》"
        + "及所报考核项目的申报条件，知悉报名工作实行“双承诺制”，考生对提交的各类资料真实性负责。本人郑重承诺：\n"
        + "一、本人填报的个人信息以及提交的身份证明、学历或学籍证明、个人申报表等各类材料均真实、准确、完整，"
        + "不存在伪造、变造、冒用他人材料或隐瞒真实情况的行为。\n"
        + "二、本人符合所报考核项目的申报条件，并对所提交各类资料的真实性负责。\n"
        + "三、本人知悉考生提交材料务必真实有效，对于弄虚作假的，一经查实，按有关规定处理。"
        + "如有弄虚作假，本人愿意接受相应处理，并承担由此产生的一切后果。\n"
        + "四、本人将遵守考核纪律和考场规则，服从考核工作人员的管理。";

    private const string ApplicationDeclaration =
        "本人声明：以上填写的信息及提交的材料真实、准确、完整。如有虚假，一经查实，按有关规定处理，由此产生的后果由本人承担。";

    // A one-inch photo is 25 mm × 35 mm; in points (1/72 inch).
    private const double PhotoBoxWidth = 25 / 25.4 * 72;
    private const double PhotoBoxHeight = 35 / 25.4 * 72;

    private const double LabelWidth = 70;
    private const double PhotoColumnWidth = 96;

    // Tall enough for handwritten corrections and to fill the page; four rows frame the photo with air.
    private const double RowHeight = 33;

    /// <summary>《四川省专项职业能力考核个人申报表》; the photo is printed in its box when given (a JPEG).</summary>
    public static byte[] ApplicationForm(ApplicationFormData data, byte[]? photoJpeg)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (photoJpeg is not null && ContentSniffer.Detect(photoJpeg) != UploadKind.Jpeg)
        {
            throw new ArgumentException("The photo must be a JPEG (PhotoProcessor output).", nameof(photoJpeg));
        }

        using var document = FormDocument.Create(ApplicationFormTitle);
        using (var page = new FormPage(document))
        {
            page.Title(ApplicationFormTitle);
            var label = FormPage.Font(10.5);
            var value = FormPage.Font(11);
            var width = page.ContentWidth;
            var valueWidth = (width - PhotoColumnWidth - (2 * LabelWidth)) / 2;
            var wideValue = valueWidth + PhotoColumnWidth;

            var photoTop = page.Y;
            page.Row([FormCell.Label("姓名", LabelWidth), new(data.Name, valueWidth), FormCell.Label("性别", LabelWidth), new(data.Gender, valueWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("出生日期", LabelWidth), new(data.BirthDate is { } birth ? FormDocument.Date(birth) : string.Empty, valueWidth), FormCell.Label("文化程度", LabelWidth), new(data.EducationLevel, valueWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("证件类型", LabelWidth), new(data.IdDocumentType, valueWidth), FormCell.Label("手机号码", LabelWidth), new(data.Mobile, valueWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("证件号码", LabelWidth), new(data.IdNumber, (2 * valueWidth) + LabelWidth)], label, value, RowHeight);
            PhotoCell(page, new XRect(FormPage.Margin + width - PhotoColumnWidth, photoTop, PhotoColumnWidth, page.Y - photoTop), photoJpeg);

            page.Row([FormCell.Label("毕业院校", LabelWidth), new(data.GraduatedFrom ?? string.Empty, width - LabelWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("所学专业", LabelWidth), new(data.Major ?? string.Empty, valueWidth), FormCell.Label("职业", LabelWidth), new(data.Occupation ?? string.Empty, wideValue)], label, value, RowHeight);
            page.Row([FormCell.Label("工作单位", LabelWidth), new(data.Employer ?? string.Empty, width - LabelWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("通讯地址", LabelWidth), new(data.Address, width - LabelWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("申报项目", LabelWidth), new(data.ProjectName, width - LabelWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("申报条件", LabelWidth), new(data.EligibilityCondition, width - LabelWidth)], label, value, RowHeight * 2);
            page.Row([FormCell.Label("考核批次", LabelWidth), new(data.BatchName, valueWidth), FormCell.Label("考核日期", LabelWidth), new(data.ExamDate is { } d ? FormDocument.Date(d) : string.Empty, wideValue)], label, value, RowHeight);

            SignatureBlock(page, ApplicationDeclaration, "申报人签名（手写）：");

            page.Y += 18;
            page.Notes(
                "填表说明：",
                [
                    "本表由考生本人如实填写，打印后由本人在“申报人签名”处手写签名并填写日期。",
                    photoJpeg is null
                        ? "请在照片栏粘贴本人近期免冠正面一寸证件照。"
                        : "照片栏印有您上传的照片，请核对是否为本人近期免冠正面证件照。",
                    ScanNote,
                ],
                FormPage.Font(9.5));
        }

        return FormDocument.Save(document);
    }

    /// <summary>《四川省专项职业能力考核个人诚信承诺书》 with <see cref="IntegrityCommitmentWording"/> and blanks to sign.</summary>
    public static byte[] IntegrityCommitment(ApplicationFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = FormDocument.Create(IntegrityCommitmentTitle);
        using (var page = new FormPage(document))
        {
            page.Title(IntegrityCommitmentTitle);
            page.Y += 6;
            var text = FormPage.Font(12);
            var indent = 2 * text.Size; // two characters, as Chinese paragraphs begin
            foreach (var paragraph in IntegrityCommitmentWording.Split('\n'))
            {
                page.Paragraph(paragraph, text, text.Size * 2, indent);
                page.Y += 6;
            }

            page.Y += 20;
            var label = FormPage.Font(10.5);
            var value = FormPage.Font(11);
            var width = page.ContentWidth;
            var half = (width - (2 * LabelWidth)) / 2;
            page.Row([FormCell.Label("承诺人姓名", LabelWidth), new(data.Name, half), FormCell.Label("证件号码", LabelWidth), new(data.IdNumber, half)], label, value, RowHeight);
            page.Row([FormCell.Label("申报项目", LabelWidth), new(data.ProjectName, width - LabelWidth)], label, value, RowHeight);
            page.Row([FormCell.Label("考核批次", LabelWidth), new(data.BatchName, half), FormCell.Label("考核日期", LabelWidth), new(data.ExamDate is { } d ? FormDocument.Date(d) : string.Empty, half)], label, value, RowHeight);

            var sign = FormPage.Font(12);
            var left = FormPage.Margin + (width / 2) - 30;
            page.Y += 70;
            page.Blank("承诺人签名（手写）：", sign, left, page.Y, 120);
            page.Y += 20;
            page.Graphics.DrawString("（请在签名处按手印）", FormPage.Font(9.5), XBrushes.DimGray, left, page.Y, XStringFormats.BottomLeft);
            page.Y += 44;
            page.Graphics.DrawString("日期：", sign, XBrushes.Black, left, page.Y, XStringFormats.BottomLeft);
            page.DateBlank(sign, FormPage.Margin + width, page.Y);

            page.Y += 64;
            page.Notes(
                "说明：",
                ["本承诺书须由承诺人本人手写签名，并在签名处按手印（确实无法按手印的除外），不得由他人代签。", ScanNote],
                FormPage.Font(9.5));
        }

        return FormDocument.Save(document);
    }

    private static string ScanNote =>
        $"签署后将原件扫描或拍照上传，文件格式为jpg、jpeg、png或pdf，大小须在{UploadRules.ScanRange}；"
        + "图片须清晰完整，不符合大小要求的图片可由系统自动调整。";

    // The declaration sits in a box spanning the table, with room below it to sign and date by hand.
    private static void SignatureBlock(FormPage page, string declaration, string signatureCaption)
    {
        var top = page.Y;
        var text = FormPage.Font(11);
        page.Y += 8;
        page.Paragraph(declaration, text, FormPage.LineHeight(text), 2 * text.Size, FormPage.Margin + 8, page.ContentWidth - 16);
        page.Y += 40;
        var left = FormPage.Margin + 8;
        page.Blank(signatureCaption, text, left, page.Y, 110);
        page.Graphics.DrawString("日期：", text, XBrushes.Black, FormPage.Margin + (page.ContentWidth / 2) + 40, page.Y, XStringFormats.BottomLeft);
        page.DateBlank(text, FormPage.Margin + page.ContentWidth - 8, page.Y);
        page.Y += 12;
        page.Box(new XRect(FormPage.Margin, top, page.ContentWidth, page.Y - top));
    }

    private static void PhotoCell(FormPage page, XRect cell, byte[]? photoJpeg)
    {
        page.Box(cell);
        var box = new XRect(
            cell.X + ((cell.Width - PhotoBoxWidth) / 2),
            cell.Y + ((cell.Height - PhotoBoxHeight) / 2),
            PhotoBoxWidth,
            PhotoBoxHeight);
        if (photoJpeg is null)
        {
            var caption = FormPage.Font(10);
            page.Graphics.DrawRectangle(new XPen(XColors.Gray, 0.6) { DashStyle = XDashStyle.Dash }, box);
            page.Graphics.DrawString("粘贴照片处", caption, XBrushes.DimGray, box, XStringFormats.Center);
            return;
        }

        using var stream = new MemoryStream(photoJpeg, writable: false);
        using var image = XImage.FromStream(stream);
        page.Graphics.DrawImage(image, box);
    }
}
