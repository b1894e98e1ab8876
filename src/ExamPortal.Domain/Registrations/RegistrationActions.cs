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
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "未知的报名操作"),
    };
}
