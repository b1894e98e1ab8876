namespace ExamPortal.Domain.Registrations;

public static class RegistrationStatuses
{
    // The words of section 四（二）3 of the announcement, which candidates see in 报名历史.
    public static string DisplayName(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Draft => "草稿",
        RegistrationStatus.Submitted => "待审核",
        RegistrationStatus.Approved => "审核通过",
        RegistrationStatus.Rejected => "审核不通过",
        RegistrationStatus.Returned => "退回修改",
        RegistrationStatus.ReturnExpired => "逾期未修改",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的报名状态"),
    };
}
