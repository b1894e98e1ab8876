namespace ExamPortal.Domain.Institutions;

public static class InstitutionTypes
{
    // The announcement's own words, in its order.
    public static string DisplayName(InstitutionType type) => type switch
    {
        InstitutionType.Enterprise => "企业",
        InstitutionType.College => "院校",
        InstitutionType.RegisteredEvaluationBody => "已备案的职业技能等级评价机构",
        InstitutionType.StandardDeveloper => "专项职业能力考核规范开发单位",
        InstitutionType.RecommendedAssociation => "经主管部门推荐的行业协会",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的机构类型"),
    };
}
