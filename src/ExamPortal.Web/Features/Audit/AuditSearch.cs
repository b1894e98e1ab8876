using System.Runtime.CompilerServices;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Configurations;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Audit;

/// <summary>
/// What the audit search looks for, every part optional and combined with AND. Person is the keyed hash of an ID number
/// (PersonKeys), never the number; ActorUserId is an account id. The dates are China dates, both included.
/// </summary>
public sealed record AuditFilter(Guid? RegistrationId, byte[]? PersonKey, string? ActorUserId, string? Action, DateOnly? From, DateOnly? To);

/// <summary>One line of the trail: an audit entry or a registration's history event.</summary>
public sealed record AuditLine(Guid Id, DateTimeOffset At, string ActorUserId, string? ActorName, string? ActorRole, string Action, string Subject, string Details, Guid? RegistrationId)
{
    public string ActorDisplay => ActorUserId switch
    {
        RegistrationEvent.SystemUserId => "系统（定时任务）",
        AuditTrail.AnonymousUserId => "未登录用户",
        _ => ActorName ?? ActorUserId,
    };
}

public sealed record AuditPage(IReadOnlyList<AuditLine> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Clamp((Total + PageSize - 1) / PageSize, 1, AuditSearch.MaxPages);
    public bool IsCapped => Total > PageSize * AuditSearch.MaxPages;
}

/// <summary>
/// The audit trail as the centre searches it: audit_entries and registration_events together, newest first. Each part
/// of the filter is an indexed condition: registration (registration_id, at), person (the IdNumberKey index, then
/// person_key, at), actor (actor_user_id, at), action (action, at); an action belongs to one of the two tables, so the
/// other is not read at all.
/// </summary>
public sealed class AuditSearch(PortalDbContext db, PersonKeys keys, IServiceScopeFactory scopes)
{
    public const int PageSize = 50;

    /// <summary>Pages beyond this are not shown (offset paging stays cheap); narrower filters or the export reach the rest.</summary>
    public const int MaxPages = 20;

    public Task<byte[]> PersonKeyAsync(string idNumber, CancellationToken ct) => keys.ForAsync(idNumber, ct);

    /// <summary>A registration by its id or by an admission ticket number; null when neither matches.</summary>
    public async Task<Guid?> RegistrationAsync(string text, CancellationToken ct)
    {
        var value = text.Trim();
        if (Guid.TryParse(value, out var id))
        {
            return await db.Registrations.AnyAsync(r => r.Id == id, ct) ? id : null;
        }

        var number = IdentityNumber.Normalize(value);
        return await db.AdmissionTickets.Where(t => t.Number == number).Select(t => (Guid?)t.RegistrationId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The accounts a staff e-mail or a candidate's mobile number signs in as.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(string login, CancellationToken ct)
    {
        var text = login.Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToUpperInvariant();
            return await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).ToListAsync(ct);
        }

        return MobileNumber.TryNormalize(text, out var mobile, out _)
            ? await db.Users.Where(u => u.UserName == mobile).Select(u => u.Id).ToListAsync(ct)
            : [];
    }

    public async Task<(string Name, string? Role)?> ActorAsync(string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.FullName, Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct) is { } actor ? (actor.FullName, actor.Role) : null;

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var number = Math.Clamp(page, 1, MaxPages);
        var people = await PersonRegistrationsAsync(filter, db, ct);
        var take = number * PageSize;
        var entries = Entries(db, filter, people);
        var events = Events(db, filter, people);
        var total = (entries is null ? 0 : await entries.CountAsync(ct)) + (events is null ? 0 : await events.CountAsync(ct));
        var lines = new List<AuditLine>(take * 2);
        if (entries is not null)
        {
            lines.AddRange(await Lines(db, entries, take).ToListAsync(ct));
        }

        if (events is not null)
        {
            lines.AddRange((await Lines(db, events, take).ToListAsync(ct)).Select(ToLine));
        }

        var items = lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip((number - 1) * PageSize).Take(PageSize).ToList();
        return new AuditPage(items, number, PageSize, total);
    }

    /// <summary>
    /// Every matching line, newest first, for the export: the two tables are read at once (two connections, as one
    /// connection reads one result at a time) and merged as they stream, so nothing is held but the two current rows.
    /// </summary>
    public async IAsyncEnumerable<AuditLine> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var people = await PersonRegistrationsAsync(filter, db, ct);
        await using var scope = scopes.CreateAsyncScope();
        var second = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entries = Entries(db, filter, people) is { } e ? Lines(db, e, null).AsAsyncEnumerable() : AsyncEnumerable.Empty<AuditLine>();
        var events = Events(second, filter, people) is { } v ? Lines(second, v, null).AsAsyncEnumerable().Select(ToLine) : AsyncEnumerable.Empty<AuditLine>();

        await using var left = entries.GetAsyncEnumerator(ct);
        await using var right = events.GetAsyncEnumerator(ct);
        var hasLeft = await left.MoveNextAsync();
        var hasRight = await right.MoveNextAsync();
        while (hasLeft || hasRight)
        {
            if (hasLeft && (!hasRight || Newer(left.Current, right.Current)))
            {
                yield return left.Current;
                hasLeft = await left.MoveNextAsync();
            }
            else
            {
                yield return right.Current;
                hasRight = await right.MoveNextAsync();
            }
        }
    }

    private static bool Newer(AuditLine a, AuditLine b) => a.At > b.At || (a.At == b.At && a.Id.CompareTo(b.Id) > 0);

    // A person's registrations, found by the key of their ID number through its index.
    private static async Task<IReadOnlyList<Guid>?> PersonRegistrationsAsync(AuditFilter filter, PortalDbContext db, CancellationToken ct) =>
        filter.PersonKey is { } key
            ? await db.Registrations.Where(r => EF.Property<byte[]>(r, RegistrationConfiguration.IdNumberKeyProperty) == key).Select(r => r.Id).ToListAsync(ct)
            : null;

    private static IQueryable<AuditEntry>? Entries(PortalDbContext db, AuditFilter filter, IReadOnlyList<Guid>? people)
    {
        if (filter.Action is { } only && AuditLabels.IsRegistrationAction(only))
        {
            return null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (filter.RegistrationId is { } registrationId)
        {
            query = query.Where(e => e.RegistrationId == registrationId);
        }

        if (filter.PersonKey is { } key)
        {
            var ids = people ?? [];
            query = query.Where(e => e.PersonKey == key || (e.RegistrationId != null && ids.Contains(e.RegistrationId.Value)));
        }

        if (filter.ActorUserId is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        var (from, to) = Range(filter);
        return query.Where(e => e.At >= from && e.At < to);
    }

    private static IQueryable<RegistrationEvent>? Events(PortalDbContext db, AuditFilter filter, IReadOnlyList<Guid>? people)
    {
        if (filter.Action is { } only && !AuditLabels.IsRegistrationAction(only))
        {
            return null;
        }

        var query = db.RegistrationEvents.AsNoTracking();
        if (filter.RegistrationId is { } registrationId)
        {
            query = query.Where(e => e.RegistrationId == registrationId);
        }

        if (people is not null)
        {
            query = query.Where(e => people.Contains(e.RegistrationId));
        }

        if (filter.ActorUserId is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        var (from, to) = Range(filter);
        return query.Where(e => e.At >= from && e.At < to);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Range(AuditFilter filter) =>
        (filter.From is { } from ? ChinaTime.StartOf(from).ToUniversalTime() : DateTimeOffset.MinValue,
         filter.To is { } to ? ChinaTime.EndOf(to).ToUniversalTime() : DateTimeOffset.MaxValue);

    // Newest first; the order is applied after the join so that it is the order of the rows returned.
    private static IQueryable<AuditLine> Lines(PortalDbContext db, IQueryable<AuditEntry> entries, int? take)
    {
        var joined = (
            from e in entries
            join u in db.Users on e.ActorUserId equals u.Id into actors
            from u in actors.DefaultIfEmpty()
            select new { Entry = e, Name = u != null ? u.FullName : null })
            .OrderByDescending(x => x.Entry.At).ThenByDescending(x => x.Entry.Id);
        return (take is { } n ? joined.Take(n) : joined).Select(x => new AuditLine(
            x.Entry.Id, x.Entry.At, x.Entry.ActorUserId, x.Name, x.Entry.ActorRole, x.Entry.Action, x.Entry.Subject, x.Entry.Details, x.Entry.RegistrationId));
    }

    private static IQueryable<EventRow> Lines(PortalDbContext db, IQueryable<RegistrationEvent> events, int? take)
    {
        var joined = (
            from e in events
            join u in db.Users on e.ActorUserId equals u.Id into actors
            from u in actors.DefaultIfEmpty()
            select new { Event = e, Name = u != null ? u.FullName : null })
            .OrderByDescending(x => x.Event.At).ThenByDescending(x => x.Event.Id);
        return (take is { } n ? joined.Take(n) : joined).Select(x => new EventRow(
            x.Event.Id, x.Event.At, x.Event.ActorUserId, x.Name, x.Event.ActorRole, x.Event.Action, x.Event.RegistrationId, x.Event.From, x.Event.To, x.Event.Note));
    }

    private static AuditLine ToLine(EventRow e) =>
        new(e.Id, e.At, e.ActorUserId, e.ActorName, e.ActorRole?.ToString(), e.Action, "报名",
            $"{(e.From is { } from ? RegistrationStatuses.DisplayName(from) : "—")} → {RegistrationStatuses.DisplayName(e.To)}{(string.IsNullOrEmpty(e.Note) ? string.Empty : $"；{e.Note}")}",
            e.RegistrationId);

    private sealed record EventRow(Guid Id, DateTimeOffset At, string ActorUserId, string? ActorName, Role? ActorRole, string Action, Guid RegistrationId,
        RegistrationStatus? From, RegistrationStatus To, string? Note);
}
