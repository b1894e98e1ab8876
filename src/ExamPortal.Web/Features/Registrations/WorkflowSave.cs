using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Registrations;

public static class WorkflowSave
{
    /// <summary>
    /// Saves a workflow step guarded by version columns: <paramref name="success"/>, or Conflict when someone acted
    /// first. After a conflict the context forgets the rejected change, so the page shows the record as it now is.
    /// </summary>
    public static async Task<WorkflowResult> SaveOrConflictAsync(this PortalDbContext db, WorkflowResult success, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return success;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkflowResult.Conflict;
        }
    }
}
