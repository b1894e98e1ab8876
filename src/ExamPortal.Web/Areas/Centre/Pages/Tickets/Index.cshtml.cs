using ExamPortal.Domain.Common;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Tickets;

/// <summary>
/// 准考证与考场 (CentreExam): per batch, issue tickets once payment has closed, see who sits where, and print
/// tickets, sign-in sheets and room lists for the whole batch.
/// </summary>
public sealed class IndexModel(
    TicketQueries tickets, TicketIssuing issuing, TicketDocuments documents, IConfiguration configuration, TimeProvider clock, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    public IReadOnlyList<BatchTicketSummary> Batches { get; private set; } = [];
    public BatchTicketSummary? Batch { get; private set; }
    public Page<TicketRow>? Issued { get; private set; }
    public string? IssueRefusal { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Batches = await tickets.BatchSummariesAsync(ct);
        BatchId ??= Batches.FirstOrDefault(b => b.ExamDate >= ChinaTime.DateOf(clock.GetUtcNow()))?.BatchId ?? (Batches.Count > 0 ? Batches[^1].BatchId : null);
        Batch = Batches.FirstOrDefault(b => b.BatchId == BatchId);
        if (Batch is not null)
        {
            Issued = await tickets.PageAsync(tickets.OfBatch(Batch.BatchId), pageNumber, ct);
            IssueRefusal = await issuing.RefusalAsync(Batch.BatchId, User.ToActor(), ct);
        }
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (BatchId is not { } batchId)
        {
            return NotFound();
        }

        try
        {
            var result = await issuing.IssueAsync(batchId, User.ToActor(), ct);
            StatusMessage = result.Issued == 0
                ? $"没有需要发放的准考证：确认收费的报名都已发放（共{result.AlreadyIssued}张）"
                : $"已发放准考证{result.Issued}张（此前已发{result.AlreadyIssued}张，编号和座位不变）"
                    + (result.AddedRooms.Count == 0 ? string.Empty : $"；考场不足，已按每场{Domain.Tickets.SeatAllocator.DefaultCapacity}座新增：{string.Join("、", result.AddedRooms)}");
        }
        catch (DomainRuleException e)
        {
            StatusMessage = e.Message;
        }

        return RedirectToPage(new { BatchId });
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        BatchId is { } batchId && await tickets.BatchSummaryAsync(batchId, ct) is { } batch
            ? export.File(User.ToActor(), "准考证发放名单", $"批次：{batch.Title}", exports.Tickets(batchId, ct))
            : NotFound();

    public async Task<IActionResult> OnGetTicketsAsync(CancellationToken ct) =>
        await BatchDocumentAsync("准考证", (stream, c) =>
            documents.WriteTicketsAsync(stream, tickets.ValidOfBatch(BatchId!.Value), TicketLinks.VerificationUrl(Request, configuration), c), ct);

    public async Task<IActionResult> OnGetSignInSheetsAsync(CancellationToken ct) =>
        await BatchDocumentAsync("考生签到册", (stream, c) => documents.WriteSignInSheetsAsync(stream, tickets.ValidOfBatch(BatchId!.Value), c), ct);

    public async Task<IActionResult> OnGetRoomListsAsync(CancellationToken ct) =>
        await BatchDocumentAsync("考场安排表", (stream, c) => documents.WriteRoomListsAsync(stream, tickets.ValidOfBatch(BatchId!.Value), c), ct);

    private async Task<IActionResult> BatchDocumentAsync(string what, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var batch = BatchId is { } id ? await tickets.BatchSummaryAsync(id, ct) : null;
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Issued == 0)
        {
            StatusMessage = $"{batch.Title}尚未发放准考证，没有可打印的{what}";
            return RedirectToPage(new { BatchId });
        }

        return new PdfStreamResult(TicketLinks.FileName(what, batch.Title), write);
    }
}
