using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>
/// Section 六 puts printing on the institution: each print of its tickets is recorded on the tickets (first and
/// latest print, count) and in the audit trail, so the centre can see who printed what before the exam.
/// </summary>
public sealed class TicketPrintLog(PortalDbContext db, TimeProvider clock)
{
    public async Task<int> RecordAsync(IQueryable<TicketSource> printed, Actor actor, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().ToUniversalTime();
        var ids = printed.Select(s => s.TicketId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = await db.AdmissionTickets.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.FirstPrintedAt, t => t.FirstPrintedAt ?? now)
            .SetProperty(t => t.LastPrintedAt, now)
            .SetProperty(t => t.PrintCount, t => t.PrintCount + 1), ct);
        AuditTrail.Record(db, actor, now, AuditTrail.TicketsPrinted, subject, $"打印准考证{count}张");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return count;
    }
}
