using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>
/// CentreExam's set-up of a batch before tickets go out: its rooms (name, location, seats) and each plan's
/// exam time and venue. Every change is audited. A room that already seats a candidate keeps its seats:
/// it may be renamed or moved, not shrunk below its highest seat or removed.
/// </summary>
public sealed class ExamArrangements(PortalDbContext db, TimeProvider clock)
{
    public async Task<string?> AddRoomAsync(int batchId, RoomInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name!.Trim();
        if (await db.ExamRooms.AnyAsync(r => r.BatchId == batchId && r.Name == name, ct))
        {
            return $"本批次已有名为“{name}”的考场，请换一个名称";
        }

        var order = await db.ExamRooms.Where(r => r.BatchId == batchId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? 0;
        db.ExamRooms.Add(new ExamRoom { BatchId = batchId, Name = name, Location = Clean(input.Location), Capacity = input.CapacityValue, SortOrder = order + 1 });
        AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.ExamRoomsChanged, $"考场 {name}", $"新增考场，座位{input.CapacityValue}个");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UpdateRoomAsync(int roomId, RoomInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var room = await db.ExamRooms.SingleOrDefaultAsync(r => r.Id == roomId, ct);
        if (room is null)
        {
            return "找不到该考场";
        }

        var name = input.Name!.Trim();
        if (await db.ExamRooms.AnyAsync(r => r.BatchId == room.BatchId && r.Name == name && r.Id != roomId, ct))
        {
            return $"本批次已有名为“{name}”的考场，请换一个名称";
        }

        var highest = await db.AdmissionTickets.Where(t => t.ExamRoomId == roomId).Select(t => (int?)t.Seat).MaxAsync(ct) ?? 0;
        if (input.CapacityValue < highest)
        {
            return $"该考场已编排到{highest}号座位，座位数不能少于{highest}";
        }

        AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.ExamRoomsChanged, $"考场 {room.Name}",
            $"修改考场：名称 {room.Name}→{name}，位置 {room.Location}→{Clean(input.Location)}，座位 {room.Capacity}→{input.CapacityValue}");
        room.Name = name;
        room.Location = Clean(input.Location);
        room.Capacity = input.CapacityValue;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> RemoveRoomAsync(int roomId, Actor actor, CancellationToken ct)
    {
        var room = await db.ExamRooms.SingleOrDefaultAsync(r => r.Id == roomId, ct);
        if (room is null)
        {
            return "找不到该考场";
        }

        if (await db.AdmissionTickets.AnyAsync(t => t.ExamRoomId == roomId, ct))
        {
            return $"“{room.Name}”已有考生的准考证，不能删除";
        }

        db.ExamRooms.Remove(room);
        AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.ExamRoomsChanged, $"考场 {room.Name}", "删除考场");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Adds a venue's standing rooms to the batch, after its own rooms, skipping names the batch already has. Allowed
    /// after tickets are issued as well: rooms already seated are left exactly as they are, so no seat moves.
    /// </summary>
    public async Task<(int Added, string? Refusal)> CopyVenueRoomsAsync(int batchId, int venueId, Actor actor, CancellationToken ct)
    {
        var venue = await db.Venues.AsNoTracking().Include(v => v.Rooms).SingleOrDefaultAsync(v => v.Id == venueId && v.IsActive, ct);
        if (venue is null)
        {
            return (0, "请选择一个在用的考点");
        }

        var existing = await db.ExamRooms.Where(r => r.BatchId == batchId).Select(r => new { r.Name, r.SortOrder }).ToListAsync(ct);
        var names = existing.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var order = existing.Count == 0 ? 0 : existing.Max(r => r.SortOrder);
        var added = new List<string>();
        foreach (var room in venue.Rooms.OrderBy(r => r.SortOrder).Where(r => names.Add(r.Name)))
        {
            db.ExamRooms.Add(new ExamRoom { BatchId = batchId, Name = room.Name, Location = room.Location, Capacity = room.Capacity, SortOrder = ++order });
            added.Add(room.Name);
        }

        if (added.Count == 0)
        {
            return (0, $"考点“{venue.Name}”的考场本批次都已有同名考场，没有新增");
        }

        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new { b.Year, b.Number }).SingleAsync(ct);
        AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.VenueRoomsCopied, $"考场 {Batch.TitleOf(batch.Year, batch.Number)}",
            $"从考点“{venue.Name}”复制考场{added.Count}个：{string.Join("、", added)}；跳过同名{venue.Rooms.Count - added.Count}个");
        await db.SaveChangesAsync(ct);
        return (added.Count, null);
    }

    public async Task<string?> SetArrangementAsync(int batchId, ArrangementInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.ExamPlans.Include(p => p.Project).SingleOrDefaultAsync(p => p.Id == input.ExamPlanId && p.BatchId == batchId, ct);
        if (plan is null)
        {
            return "找不到该考核计划";
        }

        _ = ArrangementInput.TryParseTime(input.StartTime, out var start);
        _ = ArrangementInput.TryParseTime(input.EndTime, out var end);
        var venue = input.Venue!.Trim();
        AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.ExamArrangementChanged, $"考核计划 {plan.Project.Name}",
            $"考点 {plan.Venue}→{venue}；时间 {plan.ExamStartTime:HH\\:mm}—{plan.ExamEndTime:HH\\:mm}→{start:HH\\:mm}—{end:HH\\:mm}");
        plan.Venue = venue;
        plan.ExamStartTime = start;
        plan.ExamEndTime = end;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
