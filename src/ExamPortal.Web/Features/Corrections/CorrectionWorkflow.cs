using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExamPortal.Web.Features.Corrections;

public sealed record CorrectionQueueItem(Guid Id, Guid RegistrationId, string CurrentName, string Change, string Reason, DateTimeOffset RequestedAt, uint Version);

/// <summary>更正申请: the registrant asks to change a locked name or ID number; centre reviewers approve or refuse.</summary>
public sealed class CorrectionWorkflow(PortalDbContext db, TimeProvider clock, Notifier notifier, RegistrationWorkflow registrations)
{
    public Task<List<CorrectionRequest>> ForRegistrationAsync(Guid registrationId, CancellationToken ct) =>
        db.CorrectionRequests.AsNoTracking().Where(c => c.RegistrationId == registrationId).OrderByDescending(c => c.RequestedAt).ToListAsync(ct);

    public async Task<WorkflowResult> OpenAsync(Guid registrationId, Actor actor, string? fullName, string? idNumber, string? reason, CancellationToken ct)
    {
        var context = await registrations.LoadAsync(registrationId, actor, ct);
        if (context is null)
        {
            return WorkflowResult.NotFound;
        }

        var pending = await db.CorrectionRequests.AnyAsync(c => c.RegistrationId == registrationId && c.Status == CorrectionStatus.Pending, ct);
        try
        {
            db.CorrectionRequests.Add(CorrectionRequest.Open(Guid.CreateVersion7(), context.Registration, fullName, idNumber, reason, pending, actor, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Ok;
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return WorkflowResult.Refused("本报名已有一份更正申请待处理，请等待省职鉴中心处理后再提交");
        }
    }

    public async Task<IReadOnlyList<CorrectionQueueItem>> PendingAsync(int take, CancellationToken ct) =>
        (await db.CorrectionRequests.AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending).OrderBy(c => c.RequestedAt).Take(take).ToListAsync(ct))
            .Select(c => new CorrectionQueueItem(c.Id, c.RegistrationId, c.CurrentName, c.Change(), c.Reason, c.RequestedAt, c.Version))
            .ToList();

    public async Task<WorkflowResult> DecideAsync(Guid requestId, uint version, bool approve, string? note, Actor reviewer, CancellationToken ct)
    {
        var request = await db.CorrectionRequests.SingleOrDefaultAsync(c => c.Id == requestId, ct);
        if (request is null)
        {
            return WorkflowResult.NotFound;
        }

        if (request.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        db.Entry(request).Property(c => c.Version).OriginalValue = version;
        var context = await registrations.LoadAsync(request.RegistrationId, reviewer, ct);
        if (context is null)
        {
            return WorkflowResult.NotFound;
        }

        try
        {
            if (approve)
            {
                request.Approve(context.Registration, reviewer, clock.GetUtcNow(), note);
            }
            else
            {
                request.Refuse(context.Registration, reviewer, clock.GetUtcNow(), note);
            }
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        var body = approve
            ? $"您对{context.Batch.Title}“{context.Project.Name}”报名提交的更正申请（{request.Change()}）已通过。"
            : $"您对{context.Batch.Title}“{context.Project.Name}”报名提交的更正申请（{request.Change()}）未通过，原因：{request.DecisionNote}。";
        if (context.Registration.CandidateUserId is { } userId)
        {
            notifier.User(userId, approve ? "更正申请已通过" : "更正申请未通过", body);
        }
        else if (context.Registration.InstitutionId is { } institutionId)
        {
            await notifier.InstitutionAsync(institutionId, approve ? "更正申请已通过" : "更正申请未通过", body, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return WorkflowResult.Refused("更正后的证件号码在本批次已有另一项有效报名，不能更正；请核实后不予通过");
        }
    }
}
