using System.Globalization;
using PdfSharp.Drawing;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// 《专项职业能力考核报名质量责任承诺书（省、市统一考核）》: the institution's half of the 双承诺制
/// (announcement, section 四(一)1): it answers for the compliance of its review of the applicants on
/// the roster it sends with this page. One A4 page, stamped and signed, sent as a paper original.
/// </summary>
public static class QualityCommitmentPdf
{
    public const string Title = "专项职业能力考核报名质量责任承诺书（省、市统一考核）";

    public const string Addressee = "四川省职业技能鉴定指导中心";

    // The blanks hang from a common left edge in the right part of the page, as a letter is signed.
    private const double SignatureIndent = 190;

    // Ruled gaps for the blank page, long enough to write a name or a code by hand.
    private const string LongGap = "______________________";
    private const string ShortGap = "__________";

    public static byte[] Build(SubmissionDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = data.Entries.Count.ToString(CultureInfo.InvariantCulture);
        return Build(new Facts(
            data.InstitutionName, data.CreditCode, data.InstitutionAddress, data.ContactPerson, data.ContactPhone, data.BatchTitle,
            FormDocument.Date(data.ExamDate), count, $"（提交编号：{data.SubmissionNumber}，共{count}人）"));
    }

    /// <summary>
    /// The page with ruled gaps where a submission's facts go, as 相关附件下载 offers it: institutions see the
    /// wording before they submit; the one they send is printed from their submission.
    /// </summary>
    public static byte[] BuildBlank() =>
        Build(new Facts(LongGap, LongGap, LongGap, ShortGap, ShortGap, LongGap, "______年____月____日", ShortGap, string.Empty));

    private static byte[] Build(Facts facts)
    {
        using var document = FormDocument.Create(Title);
        using (var page = new FormPage(document))
        {
            // Too long for one line at title size: the qualifier goes on a line of its own.
            page.Title(Title.Replace("（", "\n（", StringComparison.Ordinal));
            var text = FormPage.Font(12);
            var lineHeight = text.Size * 2; // as the candidates' commitment: double-spaced, like a letter
            page.Paragraph($"{Addressee}：", text, lineHeight);
            foreach (var paragraph in Wording(facts))
            {
                page.Paragraph(paragraph, text, lineHeight, firstLineIndent: 2 * text.Size); // two characters, as Chinese paragraphs begin
                page.Y += 4;
            }

            page.Y += 24;
            Signatures(page, facts, text);
        }

        return FormDocument.Save(document);
    }

    // In the institution's voice; the sentences in quotation marks and the list of misconduct are the
    // announcement's (sections 四(一)1 and 十).
    private static string[] Wording(Facts facts) =>
    [
        $"我单位{facts.InstitutionName}（统一社会信用代码：{facts.CreditCode}）作为专项职业能力考核报名机构，"
            + $"现报送{facts.BatchTitle}（考核日期：{facts.ExamDate}）省、市统一考核考生{facts.Count}名，"
            + $"名单见所附《{RosterPdf.Title}》{facts.RosterReference}。"
            + "我单位知悉报名工作严格实行“双承诺制”，考生对提交的各类资料真实性负责，报名机构对考生资格审核的合规性负责。我单位郑重承诺：",
        $"一、我单位已对照各考核项目的申报条件，对花名册所列{facts.Count}名考生的报名资格逐一进行了审核，"
            + "审核合格后方予报送，并对考生资格审核的合规性负责。",
        $"二、我单位录入的考生个人信息完整、准确，与花名册一致；上传的《{ApplicationFormPdf.ApplicationFormTitle}》"
            + $"《{ApplicationFormPdf.IntegrityCommitmentTitle}》、学历或学籍证明、身份证明等材料均为原件扫描件，清晰完整，与原件一致。",
        "三、我单位严格遵守考核报名工作的有关规定，不提供虚假证明材料，不暗箱操作，不徇私舞弊，不泄露考生信息。"
            + "如有提供虚假证明材料、暗箱操作、徇私舞弊、泄密等违纪违规行为，一经查实，我单位愿意按照有关规定接受查处、追责，并承担由此产生的一切后果。",
    ];

    private static void Signatures(FormPage page, Facts facts, XFont font)
    {
        var left = FormPage.Margin + SignatureIndent;
        var width = page.ContentWidth - SignatureIndent;
        var lineHeight = FormPage.LineHeight(font);
        const double spacing = 30; // room to write by hand above each ruled blank

        page.Paragraph($"报名机构（盖章）：{facts.InstitutionName}", font, lineHeight, x: left, width: width);
        page.Paragraph($"统一社会信用代码：{facts.CreditCode}", font, lineHeight, x: left, width: width);
        page.Paragraph($"机构地址：{facts.InstitutionAddress}", font, lineHeight, x: left, width: width);
        page.Paragraph($"联系人：{facts.ContactPerson}　　联系电话：{facts.ContactPhone}", font, lineHeight, x: left, width: width);

        // Blanks are drawn on their baseline, so each goes one line below where the text above ended.
        page.Y += spacing;
        page.Blank("法定代表人或负责人（签字）：", font, left, page.Y, 110);
        page.Y += spacing;
        page.Blank("经办人（签字）：", font, left, page.Y, 110);
        page.Y += spacing;
        page.Graphics.DrawString("日期：", font, XBrushes.Black, left, page.Y, XStringFormats.BottomLeft);
        page.DateBlank(font, FormPage.Margin + page.ContentWidth, page.Y);
    }

    // What the page says about the submission, as printed: its facts, or gaps to write them in by hand.
    private sealed record Facts(
        string InstitutionName,
        string CreditCode,
        string InstitutionAddress,
        string ContactPerson,
        string ContactPhone,
        string BatchTitle,
        string ExamDate,
        string Count,
        string RosterReference);
}
