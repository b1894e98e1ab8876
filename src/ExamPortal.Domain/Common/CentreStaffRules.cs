namespace ExamPortal.Domain.Common;

// The centre's own staff accounts (省职鉴中心工作人员), administered by a CentreAdmin: only centre roles, never
// disabling oneself, and never leaving the centre without an active CentreAdmin to undo a mistake.
public static class CentreStaffRules
{
    public static IReadOnlyList<Role> CentreRoles { get; } = [Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin];

    public static bool IsCentreRole(Role role) => CentreRoles.Contains(role);

    public static void RequireCentreRole(Role role)
    {
        if (!IsCentreRole(role))
        {
            throw new DomainRuleException("只能设为省职鉴中心的角色：审核人员、财务人员、考务人员或管理员");
        }
    }

    public static void RequireCanDisable(Actor by, string targetUserId)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.Equals(by.UserId, targetUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException("不能停用自己的账号；如需停用，请由其他管理员操作");
        }
    }

    /// <summary>activeAdminsAfter: active CentreAdmin accounts left once the change is made.</summary>
    public static void RequireAnAdminLeft(int activeAdminsAfter)
    {
        if (activeAdminsAfter < 1)
        {
            throw new DomainRuleException("这是最后一个在用的管理员账号，不能停用或改为其他角色；请先新建或启用另一个管理员");
        }
    }
}
