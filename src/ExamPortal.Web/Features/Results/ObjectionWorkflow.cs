using ExamPortal.Domain.Common;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Results;

public sealed record ObjectionItem(Guid Id, Guid RegistrationId, string BatchTitle, string ProjectName, string TicketNumber, string FullName,
    string? Score, string Text, DateTimeOffset RaisedAt, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>异议: raised by a candidate in the publicity period, answered by exam staff; the answer is a message to the candidate.</summary>
public sealed class ObjectionWorkflow(PortalDbContext db, ResultCalendar results, Notifier notifier, TimeProvider clock)
{
    public async Task<WorkflowResult> RaiseAsync(Guid registrationId, string? text, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var registration = await db.Registrations.AsNoTracking()
            .Where(r => r.Id == registrationId && r.CandidateUserId == actor.UserId)
            .Select(r => new { r.Id, r.BatchId, r.CandidateUserId, HasScore = db.ExamScores.Any(s => s.RegistrationId == r.Id) })
            .SingleOrDefaultAsync(ct);
        if (registration is null || !registration.HasScore || await results.DatesAsync(registration.BatchId, ct) is not { } dates)
        {
            return WorkflowResult.NotFound;
        }

        // A second submission at the same moment (a double click, two tabs) waits on the registration's row lock and
        // then finds the first objection open.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM registrations WHERE id = {registrationId} FOR UPDATE", ct);
        if (await db.Objections.AnyAsync(o => o.RegistrationId == registrationId && o.AnsweredAt == null, ct))
        {
            return WorkflowResult.Refused("您已提出的异议尚未答复，请等待省职鉴中心答复后再提出");
        }

        try
        {
            var now = clock.GetUtcNow();
            var objection = Objection.Raise(Guid.CreateVersion7(now), registration.Id, registration.BatchId, registration.CandidateUserId, text, actor, now, dates);
            db.Objections.Add(objection);
            notifier.User(actor.UserId, "成绩异议已提交", "您对成绩提出的异议已提交，省职鉴中心答复后将通知您。");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return WorkflowResult.Created(objection.Id);
        }
        catch (DomainRuleException e)
        {
            return WorkflowResult.Refused(e.Message);
        }
    }

    public async Task<WorkflowResult> AnswerAsync(Guid objectionId, string? answer, Actor actor, CancellationToken ct)
    {
        // Two staff answering at once: the second waits on the row lock, then finds it answered (one answer, one message).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM objections WHERE id = {objectionId} FOR UPDATE", ct);
        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return WorkflowResult.NotFound;
        }

        try
        {
            var now = clock.GetUtcNow();
            objection.Respond(answer, actor, now);
            notifier.User(objection.RaisedByUserId, "成绩异议已答复", $"您对成绩提出的异议，省职鉴中心答复如下：{objection.Answer}");
            AuditTrail.Record(db, actor, now, AuditTrail.ObjectionAnswered, $"异议 {objection.Id}", objection.Answer!, objection.RegistrationId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return WorkflowResult.Ok;
        }
        catch (DomainRuleException e)
        {
            return WorkflowResult.Refused(e.Message);
        }
    }

    public Task<IReadOnlyList<ObjectionItem>> ListAsync(bool openOnly, Guid? registrationId, CancellationToken ct) =>
        ListAsync(openOnly, registrationId, batchId: null, ct);

    public async Task<IReadOnlyList<ObjectionItem>> ListAsync(bool openOnly, Guid? registrationId, int? batchId, CancellationToken ct)
    {
        var query =
            from o in db.Objections
            join r in db.Registrations on o.RegistrationId equals r.Id
            join p in db.ExamPlans on r.ExamPlanId equals p.Id
            join t in db.AdmissionTickets on r.Id equals t.RegistrationId
            where (!openOnly || o.AnsweredAt == null) && (registrationId == null || o.RegistrationId == registrationId) && (batchId == null || o.BatchId == batchId)
            orderby o.RaisedAt
            select new { o, p.Batch.Year, BatchNumber = p.Batch.Number, ProjectName = p.Project.Name, TicketNumber = t.Number, r.Details, Score = db.ExamScores.FirstOrDefault(s => s.RegistrationId == r.Id) };
        var rows = await query.Take(200).ToListAsync(ct);
        return [.. rows.Select(x => new ObjectionItem(x.o.Id, x.o.RegistrationId, Data.Entities.Batch.TitleOf(x.Year, x.BatchNumber), x.ProjectName, x.TicketNumber,
            x.Details?.FullName ?? string.Empty, x.Score?.Value.ToString(), x.o.Text, x.o.RaisedAt, x.o.Answer, x.o.AnsweredAt))];
    }
}
