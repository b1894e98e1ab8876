using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExamPortal.Web.Features.Plans;

public sealed record PlanHeadcount(int PlanId, string ProjectCode, string ProjectName, int Registrants, bool IsCancelled, string? CancellationReason)
{
    public bool IsUnderMinimum => PlanViability.IsUnderMinimum(Registrants);
}

public sealed record BatchHeadcounts(Batch Batch, bool CountIsFinal, IReadOnlyList<PlanHeadcount> Plans)
{
    /// <summary>Plans still to be held with fewer than the minimum registrants: the ones a CentreAdmin may have to cancel.</summary>
    public IReadOnlyList<PlanHeadcount> UnderMinimum => [.. Plans.Where(p => !p.IsCancelled && p.IsUnderMinimum)];
}

/// <summary>A plan of the next batch that a registrant of a cancelled plan can move to.</summary>
public sealed record TransferTarget(int PlanId, int BatchId, string BatchTitle, string ProjectName, DateOnly RegistrationEnd, DateOnly ExamDate, bool CarryOverReview);

/// <summary>
/// Section 四's 10-registrant rule: counts per plan once registration has closed, cancellation by a
/// CentreAdmin with a reason (registrations cancelled, everyone told, audited), and the registrant's
/// one-click transfer to the same project in the next batch that is still open or upcoming.
/// </summary>
public sealed class PlanCancellation(PortalDbContext db, TimeProvider clock, Notifier notifier, RegistrationWorkflow registrations)
{
    public async Task<BatchHeadcounts?> HeadcountsAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return null;
        }

        var counts = await db.Registrations.AsNoTracking()
            .Where(r => r.BatchId == batchId && PlanViability.CountedStatuses.Contains(r.Status))
            .GroupBy(r => r.ExamPlanId)
            .Select(g => new { PlanId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PlanId, g => g.Count, ct);
        var plans = await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == batchId)
            .OrderBy(p => p.Project.SortOrder)
            .Select(p => new { p.Id, p.Project.Code, p.Project.Name, p.CancelledAt, p.CancellationReason })
            .ToListAsync(ct);
        var rows = plans.Select(p => new PlanHeadcount(p.Id, p.Code, p.Name, counts.GetValueOrDefault(p.Id), p.CancelledAt is not null, p.CancellationReason)).ToList();
        return new BatchHeadcounts(batch, PlanViability.IsCountFinal(clock.GetUtcNow(), batch.Schedule), rows);
    }

    public async Task<WorkflowResult> CancelAsync(int planId, string? reason, bool carryOverReview, Actor admin, CancellationToken ct)
    {
        var plan = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return WorkflowResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var registrants = await db.Registrations.CountAsync(r => r.ExamPlanId == planId && PlanViability.CountedStatuses.Contains(r.Status), ct);
        if (PlanViability.CancellationRefusal(admin, now, plan.Batch.Schedule, registrants, plan.IsCancelled, reason) is { } refusal)
        {
            return WorkflowResult.Refused(refusal);
        }

        var text = reason!.Trim();
        plan.CancelledAt = now;
        plan.CancelledByUserId = admin.UserId;
        plan.CancellationReason = text;
        plan.CarryOverReview = carryOverReview;
        var live = await db.Registrations.Where(r => r.ExamPlanId == planId && !Registration.NotLiveStatuses.Contains(r.Status)).ToListAsync(ct);
        foreach (var registration in live)
        {
            registration.CancelWithPlan(admin, now, text);
            notifier.RegistrationChanged(registration, plan.Project.Name, plan.Batch.Title);
        }

        foreach (var institution in live.Where(r => r.InstitutionId is not null).GroupBy(r => r.InstitutionId!.Value))
        {
            await notifier.InstitutionAsync(institution.Key, "考核计划取消",
                $"{plan.Batch.Title}“{plan.Project.Name}”报名人数不足{PlanViability.MinimumRegistrants}人，取消考核，说明：{text}。本机构{institution.Count()}名考生的报名已取消，可在考生详情中转入该项目后续批次。", ct);
        }

        AuditTrail.Record(db, admin, now, AuditTrail.ExamPlanCancelled, $"ExamPlan:{plan.Id}",
            $"{plan.Batch.Title}“{plan.Project.Name}”取消考核（报名{registrants}人，{(carryOverReview ? "转入后续批次保留审核结果" : "转入后续批次须重新审核")}）；原因：{text}");
        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }

    /// <summary>The same project in the earliest later batch whose registration has not closed; null when there is none.</summary>
    public async Task<TransferTarget?> TargetAsync(RegistrationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var source = await db.ExamPlans.AsNoTracking().SingleAsync(p => p.Id == context.Registration.ExamPlanId, ct);
        var target = await db.ExamPlans.AsNoTracking()
            .Where(p => p.ProjectId == context.Project.Id && p.CancelledAt == null && p.Batch.ExamDate > context.Batch.ExamDate && p.Batch.RegistrationEnd >= today)
            .OrderBy(p => p.Batch.RegistrationStart)
            .Select(p => new { p.Id, p.BatchId, p.Batch.Year, p.Batch.Number, p.Batch.RegistrationEnd, p.Batch.ExamDate })
            .FirstOrDefaultAsync(ct);
        return target is null
            ? null
            : new TransferTarget(target.Id, target.BatchId, Batch.TitleOf(target.Year, target.Number), context.Project.Name, target.RegistrationEnd, target.ExamDate, source.CarryOverReview);
    }

    public async Task<WorkflowResult> TransferAsync(Guid registrationId, Actor actor, CancellationToken ct)
    {
        var context = await registrations.LoadAsync(registrationId, actor, ct);
        if (context is null)
        {
            return WorkflowResult.NotFound;
        }

        if (await TargetAsync(context, ct) is not { } target)
        {
            return WorkflowResult.Refused($"“{context.Project.Name}”暂无报名尚未截止的后续批次，请留意省职鉴中心发布的考核计划");
        }

        var targetBatch = await db.Batches.SingleAsync(b => b.Id == target.BatchId, ct);
        Registration transferred;
        try
        {
            transferred = context.Registration.TransferTo(Guid.CreateVersion7(), target.PlanId, target.BatchId, target.BatchTitle, targetBatch.Schedule,
                target.CarryOverReview, actor, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        db.Registrations.Add(transferred);
        if (transferred.CandidateUserId is { } userId)
        {
            notifier.User(userId, "已转入后续批次",
                $"您的“{target.ProjectName}”报名已转入{target.BatchTitle}（考核日期{target.ExamDate:yyyy-MM-dd}），当前状态：{RegistrationStatuses.DisplayName(transferred.Status)}。");
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Created(transferred.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return WorkflowResult.Refused($"您在{target.BatchTitle}已有一项报名，同一批次只能报名一个项目，不能再转入");
        }
    }
}
