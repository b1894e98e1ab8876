using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Web.Features.Help;

public enum ManualAudience
{
    Candidate,
    Institution,
}

/// <summary>
/// One step of a manual: what to do, in paragraphs of plain text, and the screenshot that shows it
/// (a PNG under wwwroot/manual, taken by ManualScreenshotsBrowserTests).
/// </summary>
public sealed record ManualStep(string Anchor, string Title, IReadOnlyList<string> Paragraphs, string Screenshot, string ScreenshotAlt);

public sealed record Manual(ManualAudience Audience, string Title, string Summary, IReadOnlyList<ManualStep> Steps)
{
    public ManualStep Step(string anchor) => Steps.Single(s => s.Anchor == anchor);
}

/// <summary>
/// The operating manuals for candidates and for institutions, defined once: the web pages and the PDFs
/// both render these steps, so the two never disagree. Limits and deadlines are quoted from the rules
/// the portal enforces, not retyped.
/// </summary>
public static class ManualContent
{
    /// <summary>The folder under wwwroot that holds the screenshots, as a URL path and a file path.</summary>
    public const string ScreenshotFolder = "manual";

    public static Manual Candidate { get; } = new(
        ManualAudience.Candidate,
        "考生个人报名操作手册",
        "本手册介绍考生个人报名（试行）从注册账号到领取证书的全部步骤。各批次的报名、审核、缴费、打印准考证和考核日期见“考核日程”；"
            + "遇到问题可先查看“常见问题”，或致电省职鉴中心技能鉴定部028-86156861咨询。",
        [
            new("sign-up", "注册账号",
            [
                "在首页点击右上角的“考生注册”，填写姓名、证件类型、证件号码、手机号码和密码。姓名和证件号码须与身份证件一致；居民身份证的性别和出生日期由号码自动得出。",
                "注册成功后即进入“个人中心”。以后用手机号码和密码登录；忘记密码的，可通过“找回密码”重新设置。",
            ],
            "candidate-01-sign-up.png", "考生注册页面：填写姓名、证件号码、手机号码和密码"),
            new("choose-plan", "选择考核计划",
            [
                "在报名期内进入“个人中心”，点击“新的报名”。页面列出正在报名的批次，以及每个考核项目的考核费和申报条件；同一批次只能报名一个项目。",
                $"点击所选项目的“报名此项目”开始填报。每个考核计划报名人数不足{PlanViability.MinimumRegistrants}人时原则上不予组织考核，届时可在报名详情中一键转入后续批次。",
            ],
            "candidate-02-choose-plan.png", "新的报名页面：列出本批次各考核项目的考核费和申报条件"),
            new("details", "填写报名信息",
            [
                "选择文化程度，勾选适用的申报条件确认事项（如“本人具有计算机操作能力”），填写通讯地址、毕业院校、所学专业、工作单位等。信息务必完整准确，系统会按所报项目的申报条件检查。",
                "点击“保存，下一步”。提交前可以随时返回修改。",
            ],
            "candidate-03-details.png", "填写报名信息页面：文化程度、申报条件确认事项和通讯地址"),
            new("photo", "上传本人照片",
            [
                $"照片将用于准考证、考生签到册和证书，请选用近期正面免冠证件照：JPG格式，{UploadRules.PhotoLimit}，竖版。",
                $"手机拍摄的照片也可以直接上传（不超过{UploadRules.MaxUploadBytes / UploadRules.Kilobyte / UploadRules.Kilobyte}MB）：系统会把照片转正，裁剪为一寸照片（{UploadRules.PhotoWidth}×{UploadRules.PhotoHeight}像素）并压缩到规定大小，"
                    + "然后显示处理结果。请确认人像完整清晰后点击“采用这张照片”，不满意可以重新上传。",
            ],
            "candidate-04-photo.png", "本人照片页面：系统裁剪压缩后的一寸照片，等待考生确认采用"),
            new("scans", "上传材料扫描件",
            [
                "在“需要打印签字的表格”处下载系统按您填写的信息生成的《个人申报表》和《个人诚信承诺书》，打印后本人签字（承诺书还须按手印），再扫描或拍照。也可在“附件下载”页面下载空白表格手工填写。",
                "选择学历或学籍证明类型，然后逐项上传个人申报表、个人诚信承诺书、学历或学籍证明、身份证正面和身份证反面。",
                $"扫描件须为原件扫描、清晰完整，格式为jpg、jpeg、png或pdf，大小在{UploadRules.ScanRange}。图片不在此范围时，系统会重新压缩并请您确认；PDF不在此范围时请重新扫描后上传。",
            ],
            "candidate-05-scans.png", "材料扫描件页面：五项材料均显示“已上传”"),
            new("submit", "诚信承诺并提交",
            [
                "阅读个人诚信承诺，勾选“本人已阅读并作出以上承诺”，点击“确认承诺，下一步”。",
                $"在“确认并提交”页面核对全部信息，点击“提交报名”，状态变为“{RegistrationStatuses.DisplayName(RegistrationStatus.Submitted)}”。审核进度在“我的报名（报名历史）”中查看，审核结果会通过“消息”通知您。",
            ],
            "candidate-06-submit.png", "确认并提交页面：核对报名信息后点击“提交报名”"),
            new("returned", "退回修改后重新提交",
            [
                $"状态为“{RegistrationStatuses.DisplayName(RegistrationStatus.Returned)}”时，报名详情列出退回原因和需要修改的内容。请在审核期结束前按意见修改（例如重新上传扫描件），再到“确认并提交”页面点击“重新提交”。",
                $"未在审核期内提交修改或修改不正确的，状态变为“{RegistrationStatuses.DisplayName(RegistrationStatus.ReturnExpired)}”，不再受理；“{RegistrationStatuses.DisplayName(RegistrationStatus.Rejected)}”即为报名失败。",
            ],
            "candidate-07-returned.png", "报名详情页面：显示退回原因、需修改的内容和修改截止时间"),
            new("payment", "缴费并上传银行回单",
            [
                $"审核通过后，在缴费日期内打开报名详情，点击“去缴费”，按页面显示的收款账户通过对公转账缴纳考核费。",
                $"转账后上传银行回单（{ReceiptProcessor.Limits}），填写付款人名称、转账金额、转账日期和银行交易流水号，点击“提交缴费凭证”。由他人代缴的，选择“他人代缴”，回单须按页面给出的内容备注，并勾选确认。",
            ],
            "candidate-08-payment.png", "缴费页面：收款账户、考核费和填写好的缴费凭证"),
            new("confirmed", "等待确认收费",
            [
                $"提交后缴费状态为“{RegistrationStatuses.DisplayName(RegistrationStatus.PaymentSubmitted)}”，请等待省职鉴中心确认，切勿重复缴费。凭证被退回（“{RegistrationStatuses.DisplayName(RegistrationStatus.PaymentReturned)}”）的，请按退回原因在缴费期内改正后重新提交。",
                $"显示“{RegistrationStatuses.DisplayName(RegistrationStatus.PaymentConfirmed)}”即报名缴费成功。{Registration.LockedAfterPayment}；姓名或证件号码确有错误的，可在报名详情提交更正申请。"
                    + $"未在缴费期内完成缴费的，视为放弃报考（“{RegistrationStatuses.DisplayName(RegistrationStatus.Abandoned)}”），不予核发准考证。",
            ],
            "candidate-09-confirmed.png", "缴费页面：显示“确认收费”，报名缴费成功"),
            new("ticket", "下载打印准考证",
            [
                $"缴费期结束后，省职鉴中心发放准考证，状态变为“{RegistrationStatuses.DisplayName(RegistrationStatus.TicketIssued)}”。在打印准考证时间内，点击导航栏的“准考证下载”，输入证件号码和姓名，点击“查询并下载准考证”；登录后也可在报名详情中下载。",
                "请使用A4纸打印，黑白、彩色均可，确保字迹、照片和二维码清晰。考核当天须持准考证和有效的第二代居民身份证，按准考证上的时间、地点和考场参加考核。",
            ],
            "candidate-10-ticket.png", "准考证下载页面：输入证件号码和姓名查询下载"),
            new("score", "查看成绩",
            [
                $"考核结束{ResultDates.PublicationWorkingDays}个工作日后公示成绩，公示期为{ResultDates.PublicityWorkingDays}个工作日。“成绩公示”页面按项目列出考生（姓名部分隐去）、准考证号和成绩；本人成绩在报名详情的“考核成绩”中查看。成绩达{ExamOutcomes.PassMark:0}分（含）以上为合格。",
                "对成绩有异议的，请在公示期内在报名详情的“对成绩有异议”处填写并提交，省职鉴中心答复后会通过消息通知您。",
            ],
            "candidate-11-score.png", "报名详情页面：考核成绩、考核结果和公示期"),
            new("certificate", "领取证书",
            [
                "公示期结束后，省职鉴中心为成绩合格的考生核发专项职业能力电子证书。您可以在报名详情下载电子证书（PDF），在“证书查询”页面核验，也可以创建有效期内的分享链接发给用人单位。",
                $"纸质证书自考核结束{ResultDates.CollectionWorkingDays}个工作日后起，由本人持有效身份证件到省职鉴中心（成都市青羊区东二巷18号）5楼509室领取。",
            ],
            "candidate-12-certificate.png", "报名详情页面：电子证书下载和纸质证书领取说明"),
        ]);

    public static Manual Institution { get; } = new(
        ManualAudience.Institution,
        "报名机构操作手册",
        "本手册介绍报名机构从申请开通到领取证书的全部步骤。报名工作实行“双承诺制”：考生对提交的各类资料真实性负责，报名机构对考生资格审核的合规性负责。"
            + "遇到问题可先查看“常见问题”，或致电省职鉴中心技能鉴定部028-86156861咨询。",
        [
            new("apply", "申请成为报名机构",
            [
                "在首页点击“申请成为报名机构”，填写单位名称、统一社会信用代码、机构类型、单位地址、联系人和联系电话，设置经办人登录邮箱和密码，点击“提交申请”。",
                "提交后页面显示申请状态，请保存该页面地址以便查看进度。省职鉴中心同意后，经办人用邮箱和密码登录，进入“机构工作台”。",
            ],
            "institution-01-apply.png", "申请成为报名机构页面：填写单位信息和经办人账号"),
            new("staff", "管理经办人员",
            [
                "在机构工作台点击“经办人员”，可以为本机构添加其他经办人（姓名、登录邮箱和初始密码），也可以停用不再负责报名工作的人员的账号。经办人不能停用自己的账号。",
            ],
            "institution-02-staff.png", "经办人员页面：本机构经办人列表和添加经办人表单"),
            new("import", "下载模板并批量导入考生",
            [
                $"点击“批量导入考生”，下载“{HelpAttachments.ApplicantTemplateTitle}（.xlsx）”，按“填写说明”工作表逐行填写，证件类型、性别、文化程度、申报项目、申报条件可从下拉列表选择。",
                "选择报名批次，上传填写好的文件，点击“上传并导入”。导入结果逐行列出结果；有问题的行可下载后按“错误说明”修改，再直接上传，已登记的考生不会重复导入。",
            ],
            "institution-03-import.png", "导入结果页面：逐行显示导入结果"),
            new("attachments", "上传照片和扫描件",
            [
                "把全部考生的照片和扫描件按“证件号码_材料名”命名（例如510104199001011234_照片.jpg），打成一个.zip压缩包，在“上传照片和扫描件”页面上传。材料名为：照片、个人申报表、个人诚信承诺书、学历证明、身份证正面、身份证反面。",
                $"系统按证件号码把文件匹配到考生：照片裁剪压缩为一寸照片（{UploadRules.PhotoLimit}），图片扫描件压缩到{UploadRules.ScanRange}，PDF扫描件须本身在此范围内。结果表列出每位考生已添加和仍缺少的材料。",
            ],
            "institution-04-attachments.png", "上传照片和扫描件页面：压缩包匹配结果"),
            new("first-review", "机构初审",
            [
                "在“本机构考生”中逐一打开考生，核对申报条件和上传的材料（原件扫描、清晰完整），无误后点击“初审通过”。初审通过后再修改考生信息的，须重新初审。",
            ],
            "institution-05-first-review.png", "考生详情页面：报名信息、材料和“初审通过”按钮"),
            new("submit", "提交中心复审并报送纸质原件",
            [
                "打开“提交中心复审”页面，阅读报名质量责任承诺，勾选“本机构作出以上承诺”，点击“提交N人至中心复审”。",
                $"提交后在同一页面打印《{RosterPdf.Title}》和《{QualityCommitmentPdf.Title}》，由负责人签字、加盖公章，在报名截止日前报送省职鉴中心。中心收到原件后10个工作日内反馈复审结果；被退回修改的考生，请在审核期内修改、重新初审并提交。",
            ],
            "institution-06-submit.png", "提交中心复审页面：已提交的名单和花名册、承诺书打印链接"),
            new("payment", "统一缴费",
            [
                "审核通过的考生由报名机构统一缴费。在缴费日期内打开“机构缴费”，选择批次，勾选本次缴费的考生，页面计算应缴合计。",
                $"通过对公转账缴费后，上传银行回单（{ReceiptProcessor.Limits}），回单须备注考核日期和人数；填写付款人名称、转账金额（须等于所选考生的考核费合计）、转账日期和银行交易流水号，"
                    + "点击“提交缴费凭证并标注为“已缴费””，等待省职鉴中心确认收费，切勿重复缴费。",
            ],
            "institution-07-payment.png", "机构缴费页面：待缴费考生、应缴合计和缴费凭证表单"),
            new("tickets", "打印准考证",
            [
                "省职鉴中心确认收费、发放准考证后，在打印准考证时间内打开“打印准考证”，可以一次打印全部准考证（一个PDF），也可以逐张打印，页面记录每张准考证的打印情况。",
                $"请使用A4纸打印，并在考核日期{TicketWindows.HandOverWorkingDaysBeforeExam}个工作日前发放给考生本人。",
            ],
            "institution-08-tickets.png", "打印准考证页面：打印时间、发放期限和本机构考生的准考证"),
            new("certificates", "证书与登记表",
            [
                "成绩公示期结束后，省职鉴中心为成绩合格的考生核发电子证书，可在“证书”页面查看和下载。",
                $"考核结束{ResultDates.CollectionWorkingDays}个工作日后，派专人凭负责人签字并加盖公章的《{CertificateRegisterPdf.Title}》原件（在“证书”页面下载）到省职鉴中心办理纸质证书，及时发放给考生本人，并做好证书台账登记。",
            ],
            "institution-09-certificates.png", "证书页面：本机构考生的证书和登记表下载"),
        ]);

    public static IReadOnlyList<Manual> All { get; } = [Candidate, Institution];

    public static Manual For(ManualAudience audience) => All.Single(m => m.Audience == audience);
}
