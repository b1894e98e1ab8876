namespace ExamPortal.Domain.Registrations;

// The Action of a RegistrationEvent: a short English verb, stable in stored rows; DisplayName is what users read.
public static class RegistrationActions
{
    public const string Created = "Created";
    public const string Submitted = "Submitted";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Returned = "Returned";
    public const string Resubmitted = "Resubmitted";
    public const string ReturnExpired = "ReturnExpired";
    public const string FirstReviewPassed = "FirstReviewPassed";
    public const string PaymentSubmitted = "PaymentSubmitted";
    public const string PaymentConfirmed = "PaymentConfirmed";
    public const string PaymentReturned = "PaymentReturned";
    public const string Abandoned = "Abandoned";
    public const string Cancelled = "Cancelled";
    public const string TransferredOut = "TransferredOut";
    public const string TransferredIn = "TransferredIn";
    public const string CorrectionRequested = "CorrectionRequested";
    public const string CorrectionApproved = "CorrectionApproved";
    public const string CorrectionRefused = "CorrectionRefused";
    public const string TicketIssued = "TicketIssued";

    public static string DisplayName(string action) => action switch
    {
        Created => "创建报名",
        Submitted => "提交报名",
        Approved => "审核通过",
        Rejected => "审核不通过",
        Returned => "退回修改",
        Resubmitted => "修改后重新提交",
        ReturnExpired => "逾期未修改",
        FirstReviewPassed => "机构初审通过",
        PaymentSubmitted => "提交缴费凭证",
        PaymentConfirmed => "确认收费",
        PaymentReturned => "缴费退回",
        Abandoned => "视为放弃报考",
        Cancelled => "考核计划取消",
        TransferredOut => "转入其他批次",
        TransferredIn => "由取消的考核计划转入",
        CorrectionRequested => "提交更正申请",
        CorrectionApproved => "更正申请通过",
        CorrectionRefused => "更正申请不通过",
        TicketIssued => "发放准考证",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "未知的报名操作"),
    };
}
