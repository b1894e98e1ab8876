namespace ExamPortal.Domain.Registrations;

public static class RegistrationStatuses
{
    // The words of sections 四（二）3 and 五 of the announcement, which candidates see in 报名历史.
    public static string DisplayName(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Draft => "草稿",
        RegistrationStatus.Submitted => "待审核",
        RegistrationStatus.Approved => "审核通过",
        RegistrationStatus.Rejected => "审核不通过",
        RegistrationStatus.Returned => "退回修改",
        RegistrationStatus.ReturnExpired => "逾期未修改",
        RegistrationStatus.PaymentSubmitted => "待确认",
        RegistrationStatus.PaymentReturned => "缴费退回",
        RegistrationStatus.PaymentConfirmed => "确认收费",
        RegistrationStatus.Abandoned => "已放弃",
        RegistrationStatus.Cancelled => "考核计划取消",
        RegistrationStatus.TicketIssued => "已发准考证",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的报名状态"),
    };

    // Where the registration stands on the payment page; null before approval and for ends unrelated to payment.
    public static string? PaymentStage(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Approved => "待缴费",
        RegistrationStatus.PaymentSubmitted => "待确认",
        RegistrationStatus.PaymentReturned => "缴费退回",
        RegistrationStatus.PaymentConfirmed or RegistrationStatus.TicketIssued => "确认收费",
        RegistrationStatus.Abandoned => "已放弃（视为放弃报考）",
        _ => null,
    };
}
