using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Corrections;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class ViewModel(
    RegistrationWorkflow workflow, PlanCancellation plans, CorrectionWorkflow corrections, TicketQueries tickets, TicketDocuments documents,
    ResultQueries results, ObjectionWorkflow objections, CertificateQueries certificates, CertificateWorkflow certificateWorkflow,
    CertificateDocuments certificateDocuments, ResultCalendar resultCalendar, IConfiguration configuration, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public bool IsReturnOverdue { get; private set; }
    public (string What, DateOnly By)? NextStep { get; private set; }
    public TransferTarget? Transfer { get; private set; }
    public IReadOnlyList<CorrectionRequest> Corrections { get; private set; } = [];
    public TicketRow? Ticket { get; private set; }
    public string? TicketPrintRefusal { get; private set; }
    public OwnResult? Result { get; private set; }
    public IReadOnlyList<ObjectionItem> Objections { get; private set; } = [];
    public CertificateRow? Certificate { get; private set; }
    public IReadOnlyList<ShareLinkRow> Shares { get; private set; } = [];
    public (DateOnly? Date, string? Problem) CollectionFrom { get; private set; }
    public Func<string, string> ShareUrl { get; private set; } = token => token;
    [BindProperty] public string? ObjectionText { get; set; }
    public bool CanObject { get; private set; }
    public DateTimeOffset Now { get; private set; }
    [BindProperty] public int ShareDays { get; set; } = CertificateShareLink.DefaultDays;
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

    /// <summary>异议 during the publicity period; the centre's answer comes back as a message.</summary>
    public async Task<IActionResult> OnPostObjectionAsync(Guid id, CancellationToken ct)
    {
        var result = await objections.RaiseAsync(id, ObjectionText, User.ToActor(), ct);
        return await AfterAsync(id, result, "异议已提交，省职鉴中心答复后将通知您。", ct);
    }

    public async Task<IActionResult> OnGetCertificateAsync(Guid id, CancellationToken ct) =>
        await certificates.ForCandidateAsync(id, User.UserId(), ct) is { } certificate
            ? PdfStreamResult.Attachment(Response, $"专项职业能力证书-{certificate.Number}.pdf",
                await certificateDocuments.CertificateAsync(certificate, CertificateLinks.VerificationUrl(Request, configuration), ct))
            : NotFound();

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await certificateWorkflow.ShareAsync(id, ShareDays, User.ToActor(), ct), $"已创建分享链接，{ShareDays}天内有效。", ct);

    public async Task<IActionResult> OnPostRevokeShareAsync(Guid id, Guid linkId, CancellationToken ct) =>
        await AfterAsync(id, await certificateWorkflow.RevokeAsync(id, linkId, User.ToActor(), ct), "分享链接已撤销。", ct);

    private async Task<IActionResult> AfterAsync(Guid id, WorkflowResult result, string success, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = success;
                return RedirectToPage(new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
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
        Now = now;
        CanEdit = context.Registration.CanEdit(now, context.Batch.Schedule);
        IsReturnOverdue = context.Registration.IsReturnOverdue(now, context.Batch.Schedule);
        NextStep = context.Registration.NextStep(now, context.Batch.Schedule);
        if (context.Registration.Status == RegistrationStatus.Cancelled && context.Registration.TransferredToId is null)
        {
            Transfer = await plans.TargetAsync(context, ct);
        }

        Ticket = await tickets.ForCandidateAsync(id, User.UserId(), ct);
        TicketPrintRefusal = TicketWindows.PrintRefusal(now, context.Batch.Schedule.TicketPrinting);
        Result = await results.OwnAsync(id, context.Batch.Id, ct);
        if (Result is not null)
        {
            Objections = await objections.ListAsync(openOnly: false, id, ct);
            CanObject = Result.Dates.IsInPublicity(now) && Objections.All(o => o.Answer is not null);
            Certificate = await certificates.ForCandidateAsync(id, User.UserId(), ct);
            Shares = Certificate is null ? [] : await certificates.SharesAsync(Certificate.Id, ct);
            CollectionFrom = Certificate is null ? default : await resultCalendar.CollectionFromAsync(Certificate.ExamDate, ct);
            ShareUrl = CertificateLinks.ShareUrl(Request, configuration);
        }

        if (context.Registration.IsLocked)
        {
            Corrections = await corrections.ForRegistrationAsync(id, ct);
        }

        return true;
    }
}
