using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Messages;

public sealed class MessageQueries(PortalDbContext db, TimeProvider clock)
{
    public async Task<Page<Message>> ForUserAsync(string userId, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Messages.AsNoTracking().Where(m => m.UserId == userId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .ToListAsync(ct);
        return new Page<Message>(items, page, RegistrationQueries.PageSize, total);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        db.Messages.CountAsync(m => m.UserId == userId && m.ReadAt == null, ct);

    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Messages.Where(m => m.UserId == userId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
    }
}
