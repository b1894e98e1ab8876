using System.Security.Cryptography;
using System.Text;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Administration;

/// <summary>A venue as typed: name (unique), address, in use or not.</summary>
public sealed class VenueInput
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The venue as the form was loaded (<see cref="VenueAdministration.Stamp"/>): a save from an older form is refused.</summary>
    public string? Stamp { get; set; }
}

public sealed class VenueInputValidator : AbstractValidator<VenueInput>
{
    public VenueInputValidator()
    {
        RuleFor(x => x.Name).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写考点名称，例如 四川省职业技能鉴定指导中心考点")
            .MaximumLength(Venue.NameMaxLength).WithMessage($"考点名称不能超过{Venue.NameMaxLength}字");
        RuleFor(x => x.Address).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写考点地址，考生按此前往")
            .MaximumLength(Venue.AddressMaxLength).WithMessage($"考点地址不能超过{Venue.AddressMaxLength}字");
    }
}

public sealed class VenueListItem
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string Address { get; init; }
    public bool IsActive { get; init; }
    public int RoomCount { get; init; }
    public int Seats { get; init; }
}

public sealed record VenueChoice(int Id, string Name, int RoomCount);

/// <summary>考点管理 (CentreAdmin): venues and their standing rooms, every change audited.</summary>
public sealed class VenueAdministration(PortalDbContext db, TimeProvider clock)
{
    public async Task<Page<VenueListItem>> ListAsync(int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await db.Venues.CountAsync(ct);
        var items = await db.Venues.AsNoTracking().OrderByDescending(v => v.IsActive).ThenBy(v => v.Name)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Select(v => new VenueListItem { Id = v.Id, Name = v.Name, Address = v.Address, IsActive = v.IsActive, RoomCount = v.Rooms.Count, Seats = v.Rooms.Sum(r => r.Capacity) })
            .ToListAsync(ct);
        return new Page<VenueListItem>(items, page, RegistrationQueries.PageSize, total);
    }

    /// <summary>Active venues with rooms, for copying into a batch.</summary>
    public async Task<IReadOnlyList<VenueChoice>> ChoicesAsync(CancellationToken ct) =>
        await db.Venues.AsNoTracking().Where(v => v.IsActive && v.Rooms.Count > 0).OrderBy(v => v.Name)
            .Select(v => new VenueChoice(v.Id, v.Name, v.Rooms.Count)).ToListAsync(ct);

    public Task<Venue?> OneAsync(int id, CancellationToken ct) =>
        db.Venues.AsNoTracking().Include(v => v.Rooms.OrderBy(r => r.SortOrder)).SingleOrDefaultAsync(v => v.Id == id, ct);

    public async Task<(int? Id, string? Refusal)> CreateAsync(VenueInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name!.Trim();
        if (await db.Venues.AnyAsync(v => v.Name == name, ct))
        {
            return (null, $"已有名为“{name}”的考点，请换一个名称");
        }

        var venue = new Venue { Name = name, Address = input.Address!.Trim(), IsActive = true };
        db.Venues.Add(venue);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.VenueChanged, Subject(name), $"新增考点，地址：{venue.Address}");
        await db.SaveChangesAsync(ct);
        return (venue.Id, null);
    }

    public async Task<string?> UpdateAsync(int id, VenueInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Two admins saving the same venue: the second waits on the row lock, then finds it changed since its form was loaded.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM venues WHERE id = {id} FOR UPDATE", ct);
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (venue is null)
        {
            return "找不到该考点";
        }

        if (input.Stamp != Stamp(venue))
        {
            return WorkflowResult.ConflictMessage;
        }

        var name = input.Name!.Trim();
        if (await db.Venues.AnyAsync(v => v.Name == name && v.Id != id, ct))
        {
            return $"已有名为“{name}”的考点，请换一个名称";
        }

        var address = input.Address!.Trim();
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.VenueChanged, Subject(venue.Name),
            $"修改考点：名称 {venue.Name}→{name}，地址 {venue.Address}→{address}，状态 {State(venue.IsActive)}→{State(input.IsActive)}");
        venue.Name = name;
        venue.Address = address;
        venue.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>A short hash of what the venue form shows and saves; it changes with any saved edit.</summary>
    public static string Stamp(Venue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', venue.Name, venue.Address, venue.IsActive))))[..16];
    }

    public async Task<string?> AddRoomAsync(int venueId, RoomInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var venue = await db.Venues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct);
        if (venue is null)
        {
            return "找不到该考点";
        }

        var name = input.Name!.Trim();
        if (await db.VenueRooms.AnyAsync(r => r.VenueId == venueId && r.Name == name, ct))
        {
            return $"本考点已有名为“{name}”的考场，请换一个名称";
        }

        var order = await db.VenueRooms.Where(r => r.VenueId == venueId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? 0;
        db.VenueRooms.Add(new VenueRoom { VenueId = venueId, Name = name, Location = Clean(input.Location), Capacity = input.CapacityValue, SortOrder = order + 1 });
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.VenueChanged, Subject(venue.Name), $"新增考场 {name}，座位{input.CapacityValue}个");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UpdateRoomAsync(int venueId, int roomId, RoomInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var room = await db.VenueRooms.SingleOrDefaultAsync(r => r.Id == roomId && r.VenueId == venueId, ct);
        if (room is null)
        {
            return "找不到该考场";
        }

        var name = input.Name!.Trim();
        if (await db.VenueRooms.AnyAsync(r => r.VenueId == venueId && r.Name == name && r.Id != roomId, ct))
        {
            return $"本考点已有名为“{name}”的考场，请换一个名称";
        }

        var venueName = await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleAsync(ct);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.VenueChanged, Subject(venueName),
            $"修改考场：名称 {room.Name}→{name}，位置 {room.Location}→{Clean(input.Location)}，座位 {room.Capacity}→{input.CapacityValue}");
        room.Name = name;
        room.Location = Clean(input.Location);
        room.Capacity = input.CapacityValue;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A venue's standing room only: rooms already copied into batches are the batches' own and stay.</summary>
    public async Task<string?> RemoveRoomAsync(int venueId, int roomId, Actor admin, CancellationToken ct)
    {
        var room = await db.VenueRooms.SingleOrDefaultAsync(r => r.Id == roomId && r.VenueId == venueId, ct);
        if (room is null)
        {
            return "找不到该考场";
        }

        var venueName = await db.Venues.Where(v => v.Id == venueId).Select(v => v.Name).SingleAsync(ct);
        db.VenueRooms.Remove(room);
        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.VenueChanged, Subject(venueName), $"删除考场 {room.Name}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    // The audit subject column holds 100 characters; venue names hold up to 100 as well.
    private static string Subject(string name) => $"考点 {name}"[..Math.Min(100, name.Length + 3)];

    private static string State(bool active) => active ? "在用" : "停用";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
