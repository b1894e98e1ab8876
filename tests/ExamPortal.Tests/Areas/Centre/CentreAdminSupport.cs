using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>What the centre administration tests read back from the database.</summary>
internal static class CentreAdminSupport
{
    public static async Task<List<AuditEntry>> AuditAsync(this PortalFactory portal, string action, string subjectContains)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.Subject.Contains(subjectContains)).OrderBy(e => e.At).ToListAsync();
    }

    public static async Task<T> DbAsync<T>(this PortalFactory portal, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static string Errors(AngleSharp.Dom.IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("div.errors").Select(e => e.TextContent.Trim()));
}
