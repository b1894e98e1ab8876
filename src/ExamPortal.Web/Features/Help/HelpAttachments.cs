using ExamPortal.Web.Features.Documents;

namespace ExamPortal.Web.Features.Help;

public enum HelpAttachmentKind
{
    ApplicationForm,
    IntegrityCommitment,
    QualityCommitment,
    Roster,
    ApplicantTemplate,
}

/// <summary>One file of 相关附件下载: what it is, who fills it in and what becomes of it.</summary>
public sealed record HelpAttachment(HelpAttachmentKind Kind, string Title, string Format, string Audience, string Purpose)
{
    public bool IsWorkbook => Kind == HelpAttachmentKind.ApplicantTemplate;

    public string ContentType => IsWorkbook ? HelpAttachments.XlsxType : HelpAttachments.PdfType;

    public string FileName => IsWorkbook ? $"{Title}.xlsx" : $"{Title}（空白）.pdf";
}

/// <summary>
/// 相关附件下载 (announcement, section 四): the blank forms candidates and institutions print, sign and
/// scan or send, and the applicant template institutions fill in. The forms are the portal's own
/// documents with nothing filled in, so the blank page and the one printed from a registration or a
/// submission never differ in wording.
/// </summary>
public static class HelpAttachments
{
    public const string PdfType = "application/pdf";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The name the import page gives the same template.
    public const string ApplicantTemplateTitle = "考生信息导入模板";

    public static IReadOnlyList<HelpAttachment> All { get; } =
    [
        new(HelpAttachmentKind.ApplicationForm, ApplicationFormPdf.ApplicationFormTitle, "PDF", "考生",
            "考生如实填写、粘贴照片并手写签名后，扫描或拍照上传。个人报名的考生也可在报名“材料扫描件”一步下载按已填信息生成的表格。"),
        new(HelpAttachmentKind.IntegrityCommitment, ApplicationFormPdf.IntegrityCommitmentTitle, "PDF", "考生",
            "考生本人手写签名并在签名处按手印后，扫描或拍照上传；不得由他人代签。"),
        new(HelpAttachmentKind.QualityCommitment, QualityCommitmentPdf.Title, "PDF", "报名机构",
            "报名机构负责人签字、加盖公章后，与考核人员花名册一并在报名截止日前报送省职鉴中心（纸质原件）。提交中心复审后，可在“提交中心复审”页面打印按提交内容生成的承诺书。"),
        new(HelpAttachmentKind.Roster, RosterPdf.Title, "PDF", "报名机构",
            "报名机构报送的考生名单（纸质原件，加盖公章）。提交中心复审后，系统按提交的名单生成花名册，可在“提交中心复审”页面打印。"),
        new(HelpAttachmentKind.ApplicantTemplate, ApplicantTemplateTitle, "Excel（.xlsx）", "报名机构",
            "报名机构批量登记考生用：每行一名考生，证件类型、文化程度、申报项目、申报条件可从下拉列表选择，“填写说明”工作表列出填写要求；填好后在“批量导入考生”页面上传。"),
    ];

    public static HelpAttachment Of(HelpAttachmentKind kind) => All.Single(a => a.Kind == kind);

    /// <summary>The blank form as a PDF; the template is a workbook whose lists come from the catalogue (<c>ImportQueries.TemplateAsync</c>).</summary>
    public static byte[] BlankPdf(HelpAttachmentKind kind) => kind switch
    {
        HelpAttachmentKind.ApplicationForm => ApplicationFormPdf.ApplicationForm(ApplicationFormData.Blank, photoJpeg: null),
        HelpAttachmentKind.IntegrityCommitment => ApplicationFormPdf.IntegrityCommitment(ApplicationFormData.Blank),
        HelpAttachmentKind.QualityCommitment => QualityCommitmentPdf.BuildBlank(),
        HelpAttachmentKind.Roster => RosterPdf.BuildBlank(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a PDF form."),
    };
}
