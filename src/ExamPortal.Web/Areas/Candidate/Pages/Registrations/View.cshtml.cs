using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Corrections;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class ViewModel(
    RegistrationWorkflow workflow, PlanCancellation plans, CorrectionWorkflow corrections, TicketQueries tickets, TicketDocuments documents,
    IConfiguration configuration, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool IsReturnOverdue { get; private set; }
    public (string What, DateOnly By)? NextStep { get; private set; }
    public TransferTarget? Transfer { get; private set; }
    public IReadOnlyList<CorrectionRequest> Corrections { get; private set; } = [];
    public TicketRow? Ticket { get; private set; }
    public string? TicketPrintRefusal { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>准考证下载 from 我的报名, during the batch's printing window only.</summary>
    public async Task<IActionResult> OnGetTicketAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Ticket is not { IsValid: true } ticket)
        {
            return NotFound();
        }

        if (TicketPrintRefusal is { } refusal)
        {
            StatusMessage = refusal;
            return RedirectToPage(new { id });
        }

        return PdfStreamResult.Attachment(Response, $"准考证-{ticket.Number}.pdf",
            await documents.TicketAsync(ticket, TicketLinks.VerificationUrl(Request, configuration), ct));
    }

    /// <summary>The one-click transfer offered when the centre cancelled the plan.</summary>
    public async Task<IActionResult> OnPostTransferAsync(Guid id, CancellationToken ct)
    {
        var result = await plans.TransferAsync(id, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "已转入后续批次，已填信息和材料已保留。";
                return RedirectToPage(new { id = result.RelatedId });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        var now = clock.GetUtcNow();
        CanEdit = context.Registration.CanEdit(now, context.Batch.Schedule);
        IsReturnOverdue = context.Registration.IsReturnOverdue(now, context.Batch.Schedule);
        NextStep = context.Registration.NextStep(now, context.Batch.Schedule);
        if (context.Registration.Status == RegistrationStatus.Cancelled && context.Registration.TransferredToId is null)
        {
            Transfer = await plans.TargetAsync(context, ct);
        }

        Ticket = await tickets.ForCandidateAsync(id, User.UserId(), ct);
        TicketPrintRefusal = TicketWindows.PrintRefusal(now, context.Batch.Schedule.TicketPrinting);
        if (context.Registration.IsLocked)
        {
            Corrections = await corrections.ForRegistrationAsync(id, ct);
        }

        return true;
    }
}
