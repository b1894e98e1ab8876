using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Tickets;

public sealed record TicketIssueResult(int Issued, int AlreadyIssued, IReadOnlyList<string> AddedRooms);

/// <summary>
/// Issues the admission tickets of a batch: every 确认收费 registration without a ticket gets the next number of
/// its plan and a seat (SeatAllocator). Runs under a per-batch advisory lock in one transaction, so a second
/// click, a second instance or a late confirmation only ever adds tickets: numbers and seats already given stay.
/// </summary>
public sealed class TicketIssuing(PortalDbContext db, TimeProvider clock, Notifier notifier)
{
    private const int AdvisoryLockClass = 0x5449_434B; // "TICK"

    /// <summary>Why the actor cannot issue the batch's tickets now, or null.</summary>
    public async Task<string?> RefusalAsync(int batchId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        return batch is null ? "找不到该考核批次" : TicketWindows.IssueRefusal(actor.Role, clock.GetUtcNow(), batch.Schedule);
    }

    /// <exception cref="DomainRuleException">Outside the issuing window or not CentreExam's to do.</exception>
    public async Task<TicketIssueResult> IssueAsync(int batchId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct)
            ?? throw new DomainRuleException("找不到该考核批次");
        var schedule = batch.Schedule;
        if (TicketWindows.IssueRefusal(actor.Role, now, schedule) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {batchId})", ct);

        var waiting = await db.Registrations
            .Where(r => r.BatchId == batchId && r.Status == RegistrationStatus.PaymentConfirmed)
            .OrderBy(r => r.PaymentConfirmedAt).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);
        var alreadyIssued = await db.AdmissionTickets.CountAsync(t => t.BatchId == batchId, ct);
        if (waiting.Count == 0)
        {
            return new TicketIssueResult(0, alreadyIssued, []);
        }

        var plans = await db.ExamPlans.AsNoTracking()
            .Where(p => p.BatchId == batchId)
            .Select(p => new { p.Id, p.Project.Code, ProjectName = p.Project.Name, p.Project.SortOrder })
            .ToDictionaryAsync(p => p.Id, ct);
        var rooms = await db.ExamRooms.Where(r => r.BatchId == batchId).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct);
        var highestSeat = await db.AdmissionTickets.Where(t => t.BatchId == batchId)
            .GroupBy(t => t.ExamRoomId).Select(g => new { RoomId = g.Key, Seat = g.Max(t => t.Seat) })
            .ToDictionaryAsync(g => g.RoomId, g => g.Seat, ct);
        var sequences = await db.AdmissionTickets.Where(t => t.BatchId == batchId)
            .GroupBy(t => t.ExamPlanId).Select(g => new { PlanId = g.Key, Sequence = g.Max(t => t.Sequence) })
            .ToDictionaryAsync(g => g.PlanId, g => g.Sequence, ct);

        var demand = waiting.GroupBy(r => r.ExamPlanId)
            .OrderBy(g => plans[g.Key].SortOrder).ThenBy(g => plans[g.Key].Code, StringComparer.Ordinal)
            .Select(g => new SeatDemand(g.Key, [.. g.Select(r => r.Id)]))
            .ToList();
        var allocation = SeatAllocator.Allocate(
            [.. rooms.Select(r => new RoomOccupancy(r.Name, r.Capacity, r.ExamPlanId, highestSeat.GetValueOrDefault(r.Id)))],
            demand);

        var nextOrder = rooms.Count == 0 ? 1 : rooms.Max(r => r.SortOrder) + 1;
        foreach (var added in allocation.AddedRooms)
        {
            var room = new ExamRoom { BatchId = batchId, Name = added.Name, Capacity = added.Capacity, SortOrder = nextOrder++ };
            db.ExamRooms.Add(room);
            rooms.Add(room);
        }

        await db.SaveChangesAsync(ct);

        var roomsByName = rooms.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var registrations = waiting.ToDictionary(r => r.Id);
        foreach (var seat in allocation.Assignments)
        {
            var registration = registrations[seat.RegistrationId];
            var plan = plans[seat.ExamPlanId];
            var room = roomsByName[seat.RoomName];
            room.ExamPlanId = seat.ExamPlanId;
            var sequence = sequences.GetValueOrDefault(seat.ExamPlanId) + 1;
            sequences[seat.ExamPlanId] = sequence;
            var number = TicketNumber.Format(batch.Year, batch.Number, plan.Code, sequence);
            db.AdmissionTickets.Add(AdmissionTicket.Issue(Guid.CreateVersion7(now), registration, number, sequence, room.Id, seat.Seat, actor, now, schedule));
            notifier.RegistrationChanged(registration, plan.ProjectName, batch.Title);
        }

        foreach (var group in waiting.Where(r => r.InstitutionId is not null).GroupBy(r => r.InstitutionId!.Value))
        {
            await notifier.InstitutionAsync(group.Key, "准考证已发放",
                $"{batch.Title}已为贵机构{group.Count()}名考生发放准考证。请在打印准考证时间（{schedule.TicketPrinting.Start.ToChineseLong()}至{schedule.TicketPrinting.End.ToChineseLong()}）内统一打印，并在考核日期2个工作日前发放给考生本人。", ct);
        }

        AuditTrail.Record(db, actor, now, AuditTrail.TicketsIssued, batch.Title,
            $"发放准考证{allocation.Assignments.Count}张（此前已发{alreadyIssued}张）"
            + (allocation.AddedRooms.Count == 0 ? string.Empty : $"；新增考场：{string.Join("、", allocation.AddedRooms.Select(r => r.Name))}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TicketIssueResult(allocation.Assignments.Count, alreadyIssued, [.. allocation.AddedRooms.Select(r => r.Name)]);
    }
}
