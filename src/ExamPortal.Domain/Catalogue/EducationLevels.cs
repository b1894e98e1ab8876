namespace ExamPortal.Domain.Catalogue;

public static class EducationLevels
{
    // 中专、技校、技师学院 count as 高中同等学历, so they share the high school rank.
    public static int Rank(EducationLevel level) => level switch
    {
        EducationLevel.JuniorHighOrBelow => 0,
        EducationLevel.HighSchool or EducationLevel.SecondaryVocational or EducationLevel.TechnicalSchool
            or EducationLevel.TechnicianCollege => 1,
        EducationLevel.JuniorCollege => 2,
        EducationLevel.Bachelor => 3,
        EducationLevel.Postgraduate => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知的文化程度"),
    };

    public static string DisplayName(EducationLevel level) => level switch
    {
        EducationLevel.JuniorHighOrBelow => "初中及以下",
        EducationLevel.HighSchool => "高中",
        EducationLevel.SecondaryVocational => "中等专业学校",
        EducationLevel.TechnicalSchool => "技工学校",
        EducationLevel.TechnicianCollege => "技师学院",
        EducationLevel.JuniorCollege => "大学专科",
        EducationLevel.Bachelor => "大学本科",
        EducationLevel.Postgraduate => "研究生",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "未知的文化程度"),
    };

    // "高中（或同等学历）及以上学历": how a minimum is phrased to the candidate.
    public static string RequirementText(EducationLevel minimum)
    {
        var name = minimum switch
        {
            EducationLevel.JuniorHighOrBelow => "初中",
            EducationLevel.SecondaryVocational => "中专",
            EducationLevel.TechnicalSchool => "技校",
            _ => DisplayName(minimum),
        };
        return $"{name}（或同等学历）及以上学历";
    }
}
