using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Results;

/// <summary>One valid ticket of a plan with its score, as the centre's score page lists it.</summary>
public sealed record PlanScoreRow(Guid TicketId, string TicketNumber, string FullName, decimal? Points, ExamOutcome? Outcome, string? CorrectionReason)
{
    public bool HasScore => Outcome is not null;

    public string ScoreText => Outcome is null ? string.Empty : Points is { } p ? ScoreValue.Of(p).ToString() : ScoreValue.AbsentText;
}

public sealed record PlanScores(int ExamPlanId, int BatchId, string BatchTitle, string ProjectName, ResultDates Dates, IReadOnlyList<PlanScoreRow> Rows)
{
    public string Title => $"{BatchTitle}“{ProjectName}”";

    public int Missing => Rows.Count(r => !r.HasScore);
}

/// <summary>
/// 成绩录入: by hand or from a sheet, for the valid tickets of one plan. Until publication every change is
/// recorded in the audit trail (old → new); from publication on a score changes only through a correction with
/// a reason. A sheet re-imported unchanged records nothing.
/// </summary>
public sealed class ScoreEntry(PortalDbContext db, ResultCalendar results, TimeProvider clock)
{
    public async Task<PlanScores?> PlanAsync(int planId, CancellationToken ct)
    {
        var plan = await db.ExamPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.BatchId, p.Batch.Year, p.Batch.Number, ProjectName = p.Project.Name })
            .SingleOrDefaultAsync(ct);
        if (plan is null || await results.DatesAsync(plan.BatchId, ct) is not { } dates)
        {
            return null;
        }

        var rows = await (
            from t in db.AdmissionTickets
            join r in db.Registrations on t.RegistrationId equals r.Id
            where t.ExamPlanId == planId && r.Status == RegistrationStatus.TicketIssued
            orderby t.Number
            select new { t.Id, t.Number, r.Details, Score = db.ExamScores.FirstOrDefault(s => s.TicketId == t.Id) })
            .ToListAsync(ct);
        return new PlanScores(plan.Id, plan.BatchId, Batch.TitleOf(plan.Year, plan.Number), plan.ProjectName, dates,
            [.. rows.Select(r => new PlanScoreRow(r.Id, r.Number, r.Details?.FullName ?? string.Empty, r.Score?.Points, r.Score?.Outcome, r.Score?.CorrectionReason))]);
    }

    /// <summary>Records the given scores (ticket number → value) of the plan in one transaction; returns how many changed.</summary>
    public async Task<WorkflowResult> RecordAsync(int planId, IReadOnlyDictionary<string, ScoreValue> scores, Actor actor, string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await PlanAsync(planId, ct);
        if (plan is null)
        {
            return WorkflowResult.NotFound;
        }

        var now = clock.GetUtcNow();
        if (ExamScore.EntryRefusal(actor, now, plan.Dates) is { } refusal)
        {
            return WorkflowResult.Refused(refusal);
        }

        var unknown = scores.Keys.Where(number => plan.Rows.All(r => r.TicketNumber != number)).ToList();
        if (unknown.Count > 0)
        {
            return WorkflowResult.Refused($"准考证号不在本考核计划中：{string.Join("、", unknown)}");
        }

        var ticketIds = plan.Rows.Where(r => scores.ContainsKey(r.TicketNumber)).Select(r => r.TicketId).ToList();
        var existing = await db.ExamScores.Where(s => ticketIds.Contains(s.TicketId)).ToDictionaryAsync(s => s.TicketId, ct);
        var tickets = await db.AdmissionTickets.Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var changed = 0;
        foreach (var row in plan.Rows.Where(r => scores.ContainsKey(r.TicketNumber)))
        {
            var value = scores[row.TicketNumber];
            string? before = null;
            if (existing.TryGetValue(row.TicketId, out var score))
            {
                before = score.Value.ToString();
                if (!score.Change(value, actor, now, plan.Dates))
                {
                    continue;
                }
            }
            else
            {
                db.ExamScores.Add(ExamScore.Record(Guid.CreateVersion7(now), tickets[row.TicketId], value, actor, now, plan.Dates));
            }

            AuditTrail.Record(db, actor, now, AuditTrail.ScoreRecorded, $"准考证 {row.TicketNumber}",
                $"{source}：{before ?? "（无）"} → {value}（{ExamOutcomes.DisplayName(ExamOutcomes.Of(value))}）", tickets[row.TicketId].RegistrationId);
            changed++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict;
        }

        return new WorkflowResult(WorkflowOutcome.Ok, changed == 0 ? "成绩与已录入的相同，没有需要保存的修改" : $"已保存{changed}人的成绩");
    }

    /// <summary>After publication: one score changes with a reason kept on the score and in the audit trail.</summary>
    public async Task<WorkflowResult> CorrectAsync(Guid ticketId, ScoreValue value, string? reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(value);
        var score = await db.ExamScores.SingleOrDefaultAsync(s => s.TicketId == ticketId, ct);
        var number = await db.AdmissionTickets.Where(t => t.Id == ticketId).Select(t => t.Number).SingleOrDefaultAsync(ct);
        if (score is null || number is null || await results.DatesAsync(score.BatchId, ct) is not { } dates)
        {
            return WorkflowResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var before = score.Value.ToString();
        try
        {
            score.Correct(value, reason, actor, now, dates);
        }
        catch (DomainRuleException e)
        {
            return WorkflowResult.Refused(e.Message);
        }

        AuditTrail.Record(db, actor, now, AuditTrail.ScoreCorrected, $"准考证 {number}",
            $"成绩更正：{before} → {value}（{ExamOutcomes.DisplayName(score.Outcome)}）；原因：{score.CorrectionReason}", score.RegistrationId);
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }
}
