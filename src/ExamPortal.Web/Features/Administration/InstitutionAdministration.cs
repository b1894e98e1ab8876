using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExamPortal.Web.Features.Administration;

public enum InstitutionFilter { All, Active, Suspended }

public sealed class InstitutionListItem
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string CreditCode { get; init; }
    public InstitutionType Type { get; init; }
    public int StaffCount { get; init; }
    public DateTimeOffset? SuspendedAt { get; init; }
}

public sealed record InstitutionDetail(
    int Id, string Name, string CreditCode, InstitutionType Type, string ContactPerson, string ContactPhone, string Address,
    DateTimeOffset? SuspendedAt, string? SuspendedBy, string? SuspensionReason, IReadOnlyList<Colleague> Staff);

/// <summary>报名机构管理 (CentreAdmin): the approved institutions, their staff, and suspending or reinstating one, audited.</summary>
public sealed class InstitutionAdministration(PortalDbContext db, StaffManagement staff, TimeProvider clock)
{
    public async Task<Page<InstitutionListItem>> ListAsync(string? search, InstitutionFilter filter, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = Filtered(search, filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Select(i => new InstitutionListItem
            {
                Id = i.Id,
                Name = i.Name,
                CreditCode = i.CreditCode,
                Type = i.Type,
                StaffCount = db.Users.Count(u => u.InstitutionId == i.Id),
                SuspendedAt = i.SuspendedAt,
            })
            .ToListAsync(ct);
        return new Page<InstitutionListItem>(items, page, RegistrationQueries.PageSize, total);
    }

    /// <summary>The institutions a search selects, for the list and its export alike.</summary>
    public IQueryable<Institution> Filtered(string? search, InstitutionFilter filter)
    {
        var text = search?.Trim();
        var query = db.Institutions.AsNoTracking();
        if (!string.IsNullOrEmpty(text))
        {
            var code = text.ToUpperInvariant();
            query = query.Where(i => i.CreditCode == code || i.Name.Contains(text));
        }

        query = filter switch
        {
            InstitutionFilter.Active => query.Where(i => i.SuspendedAt == null),
            InstitutionFilter.Suspended => query.Where(i => i.SuspendedAt != null),
            _ => query,
        };
        return query;
    }

    public async Task<InstitutionDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var i = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
        {
            return null;
        }

        var by = i.SuspendedByUserId is null ? null : await db.Users.Where(u => u.Id == i.SuspendedByUserId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return new InstitutionDetail(i.Id, i.Name, i.CreditCode, i.Type, i.ContactPerson, i.ContactPhone, i.Address,
            i.SuspendedAt, by, i.SuspensionReason, await staff.ColleaguesAsync(id, ct));
    }

    public async Task<WorkflowResult> SuspendAsync(int id, string? reason, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var transaction = await LockAsync(id, ct);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return WorkflowResult.NotFound;
        }

        if (institution.IsSuspended)
        {
            return WorkflowResult.Refused("该机构已处于暂停状态；如需更改原因，请先恢复再重新暂停");
        }

        string text;
        try
        {
            text = InstitutionSuspension.RequireReason(reason);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        var now = clock.GetUtcNow();
        institution.SuspendedAt = now;
        institution.SuspendedByUserId = admin.UserId;
        institution.SuspensionReason = text;
        AuditTrail.Record(db, admin, now, AuditTrail.InstitutionSuspended, $"报名机构 {institution.Name}（{institution.CreditCode}）", $"暂停，原因：{text}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    public async Task<WorkflowResult> ReinstateAsync(int id, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var transaction = await LockAsync(id, ct);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return WorkflowResult.NotFound;
        }

        if (!institution.IsSuspended)
        {
            return WorkflowResult.Refused("该机构未被暂停，无需恢复");
        }

        AuditTrail.Record(db, admin, clock.GetUtcNow(), AuditTrail.InstitutionReinstated, $"报名机构 {institution.Name}（{institution.CreditCode}）",
            $"恢复（此前暂停原因：{institution.SuspensionReason}）");
        institution.SuspendedAt = null;
        institution.SuspendedByUserId = null;
        institution.SuspensionReason = null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return WorkflowResult.Ok;
    }

    // Two admins suspending or reinstating at once: the second waits on the row lock, then finds the institution
    // already in the state it asked for and is told so (one change, one audit entry).
    private async Task<IDbContextTransaction> LockAsync(int id, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM institutions WHERE id = {id} FOR UPDATE", ct);
        return transaction;
    }
}
