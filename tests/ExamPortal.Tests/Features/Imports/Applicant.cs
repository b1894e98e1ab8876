using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Features.Imports;

namespace ExamPortal.Tests.Features.Imports;

/// <summary>
/// One row to write, cell by cell in template order; by default a valid applicant for 碳排放交易. Cells are
/// objects so a test can put a number or a date where a person would.
/// </summary>
internal sealed record Applicant
{
    public object? Sequence { get; init; }
    public object? Name { get; init; } = "张三";
    public object? IdType { get; init; } = "居民身份证";
    public object? IdNumber { get; init; }
    public object? Gender { get; init; }
    public object? BirthDate { get; init; }
    public object? Mobile { get; init; } = "13812345678";
    public object? Education { get; init; } = "大学本科";
    public object? School { get; init; } = "四川大学";
    public object? Major { get; init; } = "计算机科学与技术";
    public object? Employer { get; init; } = "成都蓉城科技有限公司";
    public object? Occupation { get; init; }
    public object? Project { get; init; } = "碳排放交易";
    public object? Condition { get; init; } = "高中（或同等学历）及以上学历";

    public static object?[] Header { get; } = [.. ApplicantColumns.All.Select(c => c.Header)];

    public object?[] Cells() =>
        [Sequence, Name, IdType, IdNumber, Gender, BirthDate, Mobile, Education, School, Major, Employer, Occupation, Project, Condition];

    /// <summary>The applicant for a project of the announcement, applying under its path with this number (from 0).</summary>
    public Applicant For(string code, int path = 0)
    {
        var project = Announcement2026.Projects.Single(p => p.Code == code);
        return this with { Project = project.Name, Condition = project.Eligibility.Paths[path].Label };
    }
}
