using ExamPortal.Domain.Common;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Institution.Pages.Tickets;

/// <summary>
/// 打印准考证 (section 六): during the batch's printing window, the institution prints all its candidates' tickets
/// as one PDF or one at a time, and is told the day by which they must reach the candidates.
/// </summary>
public sealed class IndexModel(
    TicketQueries tickets, TicketDocuments documents, TicketPrintLog printLog, InstitutionContext institutions, CalendarService calendar,
    PortalDbContext db, IConfiguration configuration, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    public IReadOnlyList<(int Id, string Title)> Batches { get; private set; } = [];
    public Batch? Batch { get; private set; }
    public Page<TicketRow>? Tickets { get; private set; }
    public DateOnly? HandOverBy { get; private set; }
    public string? PrintRefusal { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return Forbid();
        }

        Batches = await tickets.InstitutionBatchesAsync(institutionId, ct);
        BatchId ??= Batches.Count > 0 ? Batches[0].Id : null;
        if (BatchId is { } batchId && Batches.Any(b => b.Id == batchId))
        {
            Batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
            Tickets = await tickets.PageAsync(tickets.OfInstitution(institutionId, batchId), pageNumber, ct);
            HandOverBy = TicketWindows.HandOverDeadline(Batch.Schedule, await calendar.GetAsync(ct));
            PrintRefusal = TicketWindows.PrintRefusal(clock.GetUtcNow(), Batch.Schedule.TicketPrinting);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPrintAllAsync(CancellationToken ct) => await PrintAsync(null, ct);

    public async Task<IActionResult> OnPostPrintOneAsync(Guid ticketId, CancellationToken ct) => await PrintAsync(ticketId, ct);

    private async Task<IActionResult> PrintAsync(Guid? ticketId, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return Forbid();
        }

        // No batch named: nothing to print, as for a batch without this institution's tickets (not a refusal of the role).
        if (BatchId is not { } batchId)
        {
            return NotFound();
        }

        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        var selection = tickets.OfInstitution(institutionId, batchId).Where(s => s.Status == Domain.Registrations.RegistrationStatus.TicketIssued);
        if (ticketId is { } id)
        {
            selection = selection.Where(s => s.TicketId == id);
        }

        if (batch is null || !await selection.AnyAsync(ct))
        {
            return NotFound();
        }

        if (TicketWindows.PrintRefusal(clock.GetUtcNow(), batch.Schedule.TicketPrinting) is { } refusal)
        {
            StatusMessage = refusal;
            return RedirectToPage(new { BatchId });
        }

        await printLog.RecordAsync(selection, User.ToActor(), $"{batch.Title} 机构{institutionId}", ct);
        var url = TicketLinks.VerificationUrl(Request, configuration);
        if (ticketId is not null)
        {
            var row = (await selection.SingleAsync(ct)).ToRow();
            return PdfStreamResult.Attachment(Response, $"准考证-{row.Number}.pdf", await documents.TicketAsync(row, url, ct));
        }

        return new PdfStreamResult(TicketLinks.FileName("准考证", batch.Title), (stream, c) => documents.WriteTicketsAsync(stream, selection, url, c));
    }
}
