namespace ExamPortal.Domain.Institutions;

public static class InstitutionApplicationStatuses
{
    public static string DisplayName(InstitutionApplicationStatus status) => status switch
    {
        InstitutionApplicationStatus.Pending => "待审核",
        InstitutionApplicationStatus.Approved => "已同意",
        InstitutionApplicationStatus.Rejected => "未同意",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的申请状态"),
    };
}
