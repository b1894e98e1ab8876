using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

public sealed class CentreAdministrationRulesTests
{
    [Theory]
    [InlineData(null, "请填写暂停的原因")]
    [InlineData("   ", "请填写暂停的原因")]
    public void A_suspension_needs_a_reason(string? reason, string message) =>
        Assert.Contains(message, Assert.Throws<DomainRuleException>(() => InstitutionSuspension.RequireReason(reason)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_suspension_reason_is_trimmed_and_at_most_500_characters()
    {
        Assert.Equal(new string('因', 500), InstitutionSuspension.RequireReason($" {new string('因', 500)} "));
        Assert.Contains("不能超过500字，当前501字", Assert.Throws<DomainRuleException>(() => InstitutionSuspension.RequireReason(new string('因', 501))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Candidate, false)]
    [InlineData(Role.InstitutionStaff, false)]
    [InlineData(Role.CentreReviewer, true)]
    [InlineData(Role.CentreFinance, true)]
    [InlineData(Role.CentreExam, true)]
    [InlineData(Role.CentreAdmin, true)]
    public void Only_centre_roles_are_given_to_centre_staff(Role role, bool allowed) => Assert.Equal(allowed, CentreStaffRules.IsCentreRole(role));

    [Fact]
    public void An_admin_cannot_disable_themself_and_one_active_admin_always_remains()
    {
        var admin = new Actor("a1", Role.CentreAdmin);
        Assert.Throws<DomainRuleException>(() => CentreStaffRules.RequireCanDisable(admin, "a1"));
        CentreStaffRules.RequireCanDisable(admin, "a2");
        Assert.Throws<DomainRuleException>(() => CentreStaffRules.RequireAnAdminLeft(0));
        CentreStaffRules.RequireAnAdminLeft(1);
    }
}
