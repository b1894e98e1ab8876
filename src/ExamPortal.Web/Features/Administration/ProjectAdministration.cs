using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Administration;

public sealed class ProjectListItem
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public decimal Fee { get; init; }
    public bool FeeIsProvisional { get; init; }
    public bool IsActive { get; init; }
}

/// <summary>
/// 考核项目管理 (CentreAdmin): name, fee, active or not, and the eligibility rule's parameters; audited before→after.
/// A fee is read from the project when a receipt is submitted and fixed in the payment then (Payment.ExpectedAmount),
/// so a new fee applies to receipts submitted from now on and never to payments already submitted.
/// </summary>
public sealed class ProjectAdministration(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public async Task<Page<ProjectListItem>> ListAsync(int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await db.Projects.CountAsync(ct);
        var items = await db.Projects.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new ProjectListItem { Id = p.Id, Code = p.Code, Name = p.Name, Fee = p.Fee, FeeIsProvisional = p.FeeIsProvisional, IsActive = p.IsActive })
            .ToListAsync(ct);
        return new Page<ProjectListItem>(items, page, PageSize, total);
    }

    public Task<Project?> OneAsync(int id, CancellationToken ct) => db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The input was validated field by field; here the rule's alternatives are checked against their kinds.</summary>
    public async Task<WorkflowResult> UpdateAsync(int id, ProjectInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(admin);
        // Two admins saving the same project: the second waits on the row lock, then finds the project changed since its
        // form was loaded, and is told instead of writing over the first's change.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM projects WHERE id = {id} FOR UPDATE", ct);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return WorkflowResult.NotFound;
        }

        if (input.Stamp != Stamp(project))
        {
            return WorkflowResult.Conflict;
        }

        if (input.Paths.Count != project.Eligibility.Paths.Count)
        {
            return WorkflowResult.Refused("申报条件已被他人修改，请刷新后重试");
        }

        var rule = input.Apply(project.Eligibility);
        if (PathProblem(rule) is { } problem)
        {
            return WorkflowResult.Refused(problem);
        }

        var name = input.Name!.Trim();
        if (await db.Projects.AnyAsync(p => p.Name == name && p.Id != id, ct))
        {
            return WorkflowResult.Refused($"已有名为“{name}”的考核项目，请换一个名称");
        }

        var fee = input.FeeValue;
        var changes = new List<string>();
        Note(changes, "名称", project.Name, name);
        Note(changes, "考核费", Money.Yuan(project.Fee) + (project.FeeIsProvisional ? "（暂定）" : string.Empty), Money.Yuan(fee));
        Note(changes, "状态", project.IsActive ? "在用" : "停用", input.IsActive ? "在用" : "停用");
        Note(changes, "申报条件", Describe(project.Eligibility), Describe(rule));
        if (project.Eligibility.Wording != rule.Wording)
        {
            changes.Add("申报条件原文已修改");
        }

        if (changes.Count == 0 && !project.FeeIsProvisional)
        {
            return WorkflowResult.Refused("没有改动需要保存");
        }

        project.Name = name;
        project.Fee = fee;
        project.FeeIsProvisional = false;
        project.IsActive = input.IsActive;
        project.Eligibility = rule;
        var details = changes.Count == 0 ? $"确认考核费{Money.Yuan(fee)}" : string.Join("；", changes);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.ProjectChanged, $"考核项目 {project.Code} {name}", details.Length > 4000 ? details[..4000] : details);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    /// <summary>A short hash of everything the edit form shows and saves; it changes with any saved edit.</summary>
    public static string Stamp(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var text = string.Join('|', project.Name, project.Fee.ToString(CultureInfo.InvariantCulture), project.FeeIsProvisional, project.IsActive,
            JsonSerializer.Serialize(project.Eligibility));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string? PathProblem(EligibilityRule rule)
    {
        for (var i = 0; i < rule.Paths.Count; i++)
        {
            var path = rule.Paths[i];
            var problem = path.Kind switch
            {
                EligibilityPathKind.Education when path.MinimumEducation is null => "请选择最低学历",
                EligibilityPathKind.RelatedOccupation when path.Occupations.Count == 0 => "请至少填写一个相关职业，一行一个",
                EligibilityPathKind.RelatedSkill when string.IsNullOrWhiteSpace(path.SkillDescription) => "请填写相关技能的说明",
                _ => null,
            };
            if (problem is not null)
            {
                return $"申报条件{i + 1}：{problem}";
            }
        }

        return null;
    }

    private static string Describe(EligibilityRule rule) =>
        $"年满{rule.MinimumAge}周岁；条件之一：{string.Join("／", rule.Paths.Select(Describe))}；须确认：{string.Join("／", rule.RequiredDeclarations)}";

    private static string Describe(EligibilityPath path) => path.Kind switch
    {
        EligibilityPathKind.Education => $"{path.Label}（最低{(path.MinimumEducation is { } least ? EducationLevels.DisplayName(least) : "不限")}，应届在读：{string.Join("、", path.FinalYearStudentLevels.Select(EducationLevels.DisplayName))}）",
        EligibilityPathKind.RelatedOccupation => $"{path.Label}（{string.Join("、", path.Occupations)}）",
        EligibilityPathKind.RelatedSkill => $"{path.Label}（{path.SkillDescription}）",
        _ => path.Label,
    };

    private static void Note(List<string> changes, string field, string before, string after)
    {
        if (before != after)
        {
            changes.Add($"{field}：{before}→{after}");
        }
    }
}
