using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// An institution's staff (报名机构经办人) add and disable their own colleagues' accounts. The web asks
// Can… to show the buttons and calls Require… before acting: the check for managing colleagues first,
// then, for disabling, the one that keeps someone from locking themselves out.
public static class InstitutionStaffRules
{
    public static bool CanManageColleagues(Actor by, int? actorInstitutionId, int targetInstitutionId) =>
        ManageRefusal(by, actorInstitutionId, targetInstitutionId) is null;

    public static void RequireCanManageColleagues(Actor by, int? actorInstitutionId, int targetInstitutionId) =>
        Require(ManageRefusal(by, actorInstitutionId, targetInstitutionId));

    public static bool CanDisable(Actor by, string targetUserId) => DisableRefusal(by, targetUserId) is null;

    public static void RequireCanDisable(Actor by, string targetUserId) => Require(DisableRefusal(by, targetUserId));

    private static string? ManageRefusal(Actor by, int? actorInstitutionId, int targetInstitutionId)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Role != Role.InstitutionStaff)
        {
            return "只有报名机构经办人可以管理本机构的经办人账号";
        }

        if (actorInstitutionId is null)
        {
            return "您的账号没有关联报名机构，请联系省职鉴中心处理";
        }

        return actorInstitutionId == targetInstitutionId ? null : "只能管理本机构的经办人账号";
    }

    // Disabling oneself would leave nobody to undo it if one is the last active colleague.
    private static string? DisableRefusal(Actor by, string targetUserId)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetUserId);
        return string.Equals(by.UserId, targetUserId, StringComparison.Ordinal)
            ? "不能停用自己的账号；如需停用，请由本机构其他经办人操作"
            : null;
    }

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
