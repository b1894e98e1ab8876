using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExamPortal.Web.Features.Registrations;

/// <summary>A registration with what its rules need: the batch's windows and the project's eligibility.</summary>
public sealed record RegistrationContext(Registration Registration, Batch Batch, Project Project);

/// <summary>
/// Loads a registration the actor may touch, lets the domain decide, and saves the change, its audit
/// entry and its message in one SaveChanges. Pages call this and nothing else to change a registration.
/// </summary>
public sealed class RegistrationWorkflow(PortalDbContext db, TimeProvider clock, Notifier notifier)
{
    public async Task<RegistrationContext?> LoadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var query = db.Registrations.Include(r => r.Documents).Include(r => r.History).Where(r => r.Id == id);
        query = actor.Role switch
        {
            Role.Candidate => query.Where(r => r.CandidateUserId == actor.UserId),
            Role.InstitutionStaff => query.Where(r => r.InstitutionId != null
                && r.InstitutionId == db.Users.Where(u => u.Id == actor.UserId).Select(u => u.InstitutionId).FirstOrDefault()),
            _ => query,
        };
        var registration = await query.AsSplitQuery().SingleOrDefaultAsync(ct);
        if (registration is null)
        {
            return null;
        }

        var plan = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project).SingleAsync(p => p.Id == registration.ExamPlanId, ct);
        return new RegistrationContext(registration, plan.Batch, plan.Project);
    }

    public async Task<WorkflowResult> StartAsync(Actor candidate, int examPlanId, CancellationToken ct)
    {
        var plan = await db.ExamPlans.Include(p => p.Batch).Include(p => p.Project).SingleOrDefaultAsync(p => p.Id == examPlanId && p.Project.IsActive, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == candidate.UserId, ct);
        if (plan is null || user?.IdNumber is null || user.IdDocumentType is null)
        {
            return WorkflowResult.NotFound;
        }

        var live = await db.Registrations
            .Where(r => r.BatchId == plan.BatchId && r.IdDocumentType == user.IdDocumentType && r.IdNumber == user.IdNumber)
            .Where(r => !Registration.NotLiveStatuses.Contains(r.Status))
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (live is { } existing)
        {
            return WorkflowResult.Refused($"您在{plan.Batch.Title}已有一项报名，同一批次只能报名一个项目（各项目考核日期相同）。", existing);
        }

        var ended = await db.Registrations
            .Where(r => r.ExamPlanId == plan.Id && r.IdDocumentType == user.IdDocumentType && r.IdNumber == user.IdNumber)
            .Select(r => new { r.Id, r.Status })
            .FirstOrDefaultAsync(ct);
        if (ended is not null)
        {
            return WorkflowResult.Refused($"您在{plan.Batch.Title}“{plan.Project.Name}”的报名已{RegistrationStatuses.DisplayName(ended.Status)}，该考核计划不再受理您的报名。", ended.Id);
        }

        try
        {
            var registration = Registration.StartDraft(Guid.CreateVersion7(), user.Id, RegistrationChannel.Individual, null, plan.Id, plan.BatchId,
                user.IdDocumentType.Value, user.IdNumber, candidate, clock.GetUtcNow(), plan.Batch.Schedule);
            db.Registrations.Add(registration);
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Created(registration.Id);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return WorkflowResult.Refused($"您在{plan.Batch.Title}已有一项报名，同一批次只能报名一个项目。");
        }
    }

    public Task<WorkflowResult> SaveDetailsAsync(Guid id, Actor actor, PersonalDetails details, CancellationToken ct) =>
        SaveDetailsAsync(id, null, actor, details, ct);

    /// <summary>Saves the details form; with the version the form was loaded at, a form left open in another tab cannot overwrite newer details.</summary>
    public Task<WorkflowResult> SaveDetailsAsync(Guid id, uint? version, Actor actor, PersonalDetails details, CancellationToken ct) =>
        ChangeAsync(id, version, actor, c => c.Registration.SaveDetails(details, actor, clock.GetUtcNow(), c.Batch.Schedule), notify: false, ct);

    public Task<WorkflowResult> AttachAsync(Guid id, Actor actor, DocumentSlot slot, Guid fileId, CancellationToken ct) =>
        ChangeAsync(id, null, actor, c => c.Registration.AttachDocument(slot, fileId, actor, clock.GetUtcNow(), c.Batch.Schedule), notify: false, ct);

    public Task<WorkflowResult> AcceptCommitmentAsync(Guid id, Actor actor, string wording, CancellationToken ct) =>
        ChangeAsync(id, null, actor, c => c.Registration.AcceptCommitment(wording, actor, clock.GetUtcNow(), c.Batch.Schedule), notify: false, ct);

    /// <summary>Submits a draft, or re-submits a registration that was returned for changes.</summary>
    public Task<WorkflowResult> SubmitAsync(Guid id, uint version, Actor actor, CancellationToken ct) =>
        ChangeAsync(id, version, actor, c =>
        {
            var now = clock.GetUtcNow();
            if (c.Registration.Status == RegistrationStatus.Returned)
            {
                c.Registration.Resubmit(actor, now, c.Batch.Schedule, c.Project.Eligibility);
            }
            else
            {
                c.Registration.Submit(actor, now, c.Batch.Schedule, c.Project.Eligibility);
            }
        }, notify: true, ct);

    public Task<WorkflowResult> ApproveAsync(Guid id, uint version, Actor reviewer, string? note, CancellationToken ct) =>
        ChangeAsync(id, version, reviewer, c => c.Registration.Approve(reviewer, clock.GetUtcNow(), c.Batch.Schedule, note), notify: true, ct);

    public Task<WorkflowResult> RejectAsync(Guid id, uint version, Actor reviewer, string reason, CancellationToken ct) =>
        ChangeAsync(id, version, reviewer, c => c.Registration.Reject(reviewer, clock.GetUtcNow(), c.Batch.Schedule, reason), notify: true, ct);

    public Task<WorkflowResult> ReturnAsync(Guid id, uint version, Actor reviewer, string reason, IReadOnlyList<string> items, CancellationToken ct) =>
        ChangeAsync(id, version, reviewer, c => c.Registration.Return(reviewer, clock.GetUtcNow(), c.Batch.Schedule, reason, items), notify: true, ct);

    private async Task<WorkflowResult> ChangeAsync(Guid id, uint? version, Actor actor, Action<RegistrationContext> change, bool notify, CancellationToken ct)
    {
        var context = await LoadAsync(id, actor, ct);
        if (context is null)
        {
            return WorkflowResult.NotFound;
        }

        if (version is { } expected)
        {
            // The version the person saw: someone acted since they loaded the page, so their decision
            // was made on a state that no longer exists. The original value also guards the instant
            // between this load and the save.
            if (context.Registration.Version != expected)
            {
                return WorkflowResult.Conflict;
            }

            db.Entry(context.Registration).Property(r => r.Version).OriginalValue = expected;
        }

        try
        {
            change(context);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        if (notify)
        {
            notifier.RegistrationChanged(context.Registration, context.Project.Name, context.Batch.Title);
        }

        return await db.SaveOrConflictAsync(WorkflowResult.Ok, ct);
    }
}
