using MiniExcelLibs.Attributes;

namespace ExamPortal.Web.Features.Exports;

// The columns of each export. Numbers people read as identifiers (ID, ticket, bank serial numbers) are text
// columns ("@"): as numbers Excel would drop leading zeros, round 18 digits and choke on an X.

public sealed record ReviewExportRow(
    [property: ExcelColumn(Name = "报名编号", Width = 38)] string RegistrationId,
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "证件类型", Width = 14)] string IdDocumentType,
    [property: ExcelColumn(Name = "证件号码", Width = 22, Format = "@")] string IdNumber,
    [property: ExcelColumn(Name = "考核项目", Width = 20)] string ProjectName,
    [property: ExcelColumn(Name = "批次", Width = 16)] string BatchTitle,
    [property: ExcelColumn(Name = "渠道", Width = 10)] string Channel,
    [property: ExcelColumn(Name = "报名机构", Width = 24)] string InstitutionName,
    [property: ExcelColumn(Name = "状态", Width = 10)] string Status,
    [property: ExcelColumn(Name = "提交时间", Width = 18)] string SubmittedAt,
    [property: ExcelColumn(Name = "审核截止", Width = 12)] string ReviewEnd,
    [property: ExcelColumn(Name = "复审反馈期限", Width = 12)] string AnswerBy,
    [property: ExcelColumn(Name = "剩余工作日", Width = 10)] int? WorkingDaysLeft);

public sealed record PaymentExportRow(
    [property: ExcelColumn(Name = "付款人", Width = 16)] string PayerName,
    [property: ExcelColumn(Name = "报名机构", Width = 24)] string InstitutionName,
    [property: ExcelColumn(Name = "批次", Width = 16)] string BatchTitle,
    [property: ExcelColumn(Name = "渠道", Width = 10)] string Channel,
    [property: ExcelColumn(Name = "人数", Width = 6)] int HeadCount,
    [property: ExcelColumn(Name = "转账金额", Width = 10)] decimal Amount,
    [property: ExcelColumn(Name = "应缴金额", Width = 10)] decimal ExpectedAmount,
    [property: ExcelColumn(Name = "流水号", Width = 24, Format = "@")] string BankSerialNumber,
    [property: ExcelColumn(Name = "流水号重复", Width = 10)] string SerialUsedElsewhere,
    [property: ExcelColumn(Name = "提交时间", Width = 18)] string SubmittedAt,
    [property: ExcelColumn(Name = "状态", Width = 10)] string Status);

public sealed record PlanExportRow(
    [property: ExcelColumn(Name = "项目代码", Width = 8, Format = "@")] string ProjectCode,
    [property: ExcelColumn(Name = "考核项目", Width = 24)] string ProjectName,
    [property: ExcelColumn(Name = "报名人数", Width = 10)] int Registrants,
    [property: ExcelColumn(Name = "状态", Width = 30)] string State);

public sealed record CorrectionExportRow(
    [property: ExcelColumn(Name = "报名编号", Width = 38)] string RegistrationId,
    [property: ExcelColumn(Name = "申请人", Width = 10)] string CurrentName,
    [property: ExcelColumn(Name = "更正内容", Width = 40)] string Change,
    [property: ExcelColumn(Name = "原因", Width = 40)] string Reason,
    [property: ExcelColumn(Name = "提交时间", Width = 18)] string RequestedAt);

public sealed record SubmissionExportRow(
    [property: ExcelColumn(Name = "编号", Width = 20, Format = "@")] string Number,
    [property: ExcelColumn(Name = "报名机构", Width = 24)] string InstitutionName,
    [property: ExcelColumn(Name = "批次", Width = 16)] string BatchTitle,
    [property: ExcelColumn(Name = "提交时间", Width = 18)] string SubmittedAt,
    [property: ExcelColumn(Name = "人数", Width = 6)] int ApplicantCount,
    [property: ExcelColumn(Name = "收到原件", Width = 12)] string OriginalsReceivedOn,
    [property: ExcelColumn(Name = "反馈期限", Width = 12)] string AnswerBy,
    [property: ExcelColumn(Name = "剩余工作日", Width = 10)] int? WorkingDaysLeft);

public sealed record TicketExportRow(
    [property: ExcelColumn(Name = "准考证号", Width = 14, Format = "@")] string Number,
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "证件类型", Width = 14)] string IdDocumentType,
    [property: ExcelColumn(Name = "证件号码", Width = 22, Format = "@")] string MaskedIdNumber,
    [property: ExcelColumn(Name = "考核项目", Width = 20)] string ProjectName,
    [property: ExcelColumn(Name = "考场", Width = 16)] string Room,
    [property: ExcelColumn(Name = "座位号", Width = 6)] int Seat,
    [property: ExcelColumn(Name = "考点", Width = 24)] string Venue,
    [property: ExcelColumn(Name = "报名来源", Width = 24)] string Source,
    [property: ExcelColumn(Name = "状态", Width = 16)] string State);

public sealed record ObjectionExportRow(
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "准考证号", Width = 14, Format = "@")] string TicketNumber,
    [property: ExcelColumn(Name = "批次", Width = 16)] string BatchTitle,
    [property: ExcelColumn(Name = "考核项目", Width = 20)] string ProjectName,
    [property: ExcelColumn(Name = "成绩", Width = 8)] string Score,
    [property: ExcelColumn(Name = "异议内容", Width = 40)] string Text,
    [property: ExcelColumn(Name = "提出时间", Width = 18)] string RaisedAt,
    [property: ExcelColumn(Name = "答复", Width = 40)] string Answer,
    [property: ExcelColumn(Name = "答复时间", Width = 18)] string AnsweredAt);

public sealed record CertificateExportRow(
    [property: ExcelColumn(Name = "证书编号", Width = 20, Format = "@")] string Number,
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "证件号码", Width = 22, Format = "@")] string MaskedIdNumber,
    [property: ExcelColumn(Name = "专项职业能力名称", Width = 20)] string ProjectName,
    [property: ExcelColumn(Name = "考核批次", Width = 16)] string BatchTitle,
    [property: ExcelColumn(Name = "发证日期", Width = 12)] string IssueDate,
    [property: ExcelColumn(Name = "报名来源", Width = 24)] string Source,
    [property: ExcelColumn(Name = "领取状态", Width = 10)] string Collected,
    [property: ExcelColumn(Name = "领取时间", Width = 18)] string CollectedAt,
    [property: ExcelColumn(Name = "领取人", Width = 10)] string CollectedBy,
    [property: ExcelColumn(Name = "经办人", Width = 10)] string HandedOverBy,
    [property: ExcelColumn(Name = "备注", Width = 30)] string Note);

public sealed record OutboxExportRow(
    [property: ExcelColumn(Name = "创建时间", Width = 18)] string CreatedAt,
    [property: ExcelColumn(Name = "方式", Width = 8)] string Channel,
    [property: ExcelColumn(Name = "收件人", Width = 24)] string MaskedRecipient,
    [property: ExcelColumn(Name = "主题", Width = 30)] string Subject,
    [property: ExcelColumn(Name = "状态", Width = 10)] string Status,
    [property: ExcelColumn(Name = "尝试次数", Width = 8)] int Attempts,
    [property: ExcelColumn(Name = "下次尝试", Width = 18)] string NextAttemptAt,
    [property: ExcelColumn(Name = "发送时间", Width = 18)] string SentAt,
    [property: ExcelColumn(Name = "最近错误", Width = 40)] string LastError);

public sealed record AccountExportRow(
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "邮箱", Width = 28)] string Email,
    [property: ExcelColumn(Name = "角色", Width = 20)] string Role,
    [property: ExcelColumn(Name = "报名机构", Width = 24)] string InstitutionName,
    [property: ExcelColumn(Name = "状态", Width = 12)] string State);

public sealed record AuditExportRow(
    [property: ExcelColumn(Name = "时间", Width = 18)] string At,
    [property: ExcelColumn(Name = "操作人", Width = 16)] string Actor,
    [property: ExcelColumn(Name = "角色", Width = 18)] string Role,
    [property: ExcelColumn(Name = "操作", Width = 20)] string Action,
    [property: ExcelColumn(Name = "对象", Width = 24)] string Subject,
    [property: ExcelColumn(Name = "详情", Width = 60)] string Details,
    [property: ExcelColumn(Name = "报名编号", Width = 38)] string RegistrationId);

public sealed record InstitutionExportRow(
    [property: ExcelColumn(Name = "单位名称", Width = 30)] string Name,
    [property: ExcelColumn(Name = "统一社会信用代码", Width = 22, Format = "@")] string CreditCode,
    [property: ExcelColumn(Name = "类型", Width = 14)] string Type,
    [property: ExcelColumn(Name = "地址", Width = 36)] string Address,
    [property: ExcelColumn(Name = "经办人数", Width = 8)] int StaffCount,
    [property: ExcelColumn(Name = "状态", Width = 8)] string Standing,
    [property: ExcelColumn(Name = "暂停原因", Width = 40)] string SuspensionReason);

public sealed record ScoreExportRow(
    [property: ExcelColumn(Name = "准考证号", Width = 16, Format = "@")] string TicketNumber,
    [property: ExcelColumn(Name = "姓名", Width = 10)] string FullName,
    [property: ExcelColumn(Name = "考核项目", Width = 20)] string ProjectName,
    [property: ExcelColumn(Name = "成绩", Width = 8)] string Score,
    [property: ExcelColumn(Name = "结果", Width = 8)] string Outcome);
