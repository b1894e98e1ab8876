namespace ExamPortal.Domain.Common;

public static class Roles
{
    public static string DisplayName(Role role) => role switch
    {
        Role.Candidate => "考生",
        Role.InstitutionStaff => "报名机构经办人",
        Role.CentreReviewer => "省职鉴中心审核人员",
        Role.CentreFinance => "省职鉴中心财务人员",
        Role.CentreExam => "省职鉴中心考务人员",
        Role.CentreAdmin => "省职鉴中心管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "未知的角色"),
    };
}
