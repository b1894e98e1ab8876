namespace ExamPortal.Domain.Payments;

public static class PaymentStatuses
{
    public static string DisplayName(PaymentStatus status) => status switch
    {
        PaymentStatus.Submitted => "待确认",
        PaymentStatus.Confirmed => "确认收费",
        PaymentStatus.Returned => "缴费退回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的缴费状态"),
    };
}
