using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

public sealed class InstitutionStaffRulesTests
{
    private static readonly Actor Staff = new("staff-1", Role.InstitutionStaff);

    [Fact]
    public void StaffManageTheirOwnInstitutionsColleagues()
    {
        Assert.True(InstitutionStaffRules.CanManageColleagues(Staff, 7, 7));
        InstitutionStaffRules.RequireCanManageColleagues(Staff, 7, 7);
    }

    [Fact]
    public void StaffCannotManageAnotherInstitutionsColleagues()
    {
        Assert.False(InstitutionStaffRules.CanManageColleagues(Staff, 7, 8));
        var refused = Assert.Throws<DomainRuleException>(() => InstitutionStaffRules.RequireCanManageColleagues(Staff, 7, 8));
        Assert.Equal("只能管理本机构的经办人账号", refused.Message);
    }

    [Fact]
    public void StaffWithoutAnInstitutionAreToldToContactTheCentre()
    {
        Assert.False(InstitutionStaffRules.CanManageColleagues(Staff, null, 7));
        var refused = Assert.Throws<DomainRuleException>(() => InstitutionStaffRules.RequireCanManageColleagues(Staff, null, 7));
        Assert.Equal("您的账号没有关联报名机构，请联系省职鉴中心处理", refused.Message);
    }

    [Theory]
    [InlineData(Role.CentreAdmin)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    [InlineData(Role.Candidate)]
    public void OnlyInstitutionStaffManageColleagues(Role role)
    {
        var by = new Actor("user-1", role);

        Assert.False(InstitutionStaffRules.CanManageColleagues(by, 7, 7));
        var refused = Assert.Throws<DomainRuleException>(() => InstitutionStaffRules.RequireCanManageColleagues(by, 7, 7));
        Assert.Equal("只有报名机构经办人可以管理本机构的经办人账号", refused.Message);
    }

    [Fact]
    public void NobodyDisablesTheirOwnAccount()
    {
        Assert.False(InstitutionStaffRules.CanDisable(Staff, "staff-1"));
        var refused = Assert.Throws<DomainRuleException>(() => InstitutionStaffRules.RequireCanDisable(Staff, "staff-1"));
        Assert.Equal("不能停用自己的账号；如需停用，请由本机构其他经办人操作", refused.Message);
    }

    [Fact]
    public void AColleaguesAccountMayBeDisabled()
    {
        Assert.True(InstitutionStaffRules.CanDisable(Staff, "staff-2"));
        InstitutionStaffRules.RequireCanDisable(Staff, "staff-2");
    }
}
