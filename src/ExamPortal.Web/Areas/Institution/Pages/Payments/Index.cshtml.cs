using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Features.Uploads;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Institution.Pages.Payments;

/// <summary>机构缴费: one bank receipt for the approved applicants of one batch.</summary>
[RequestSizeLimit(UploadedFile.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.RequestLimit)]
public sealed class IndexModel(
    PaymentWorkflow payments, PaymentQueries queries, ReviewQueries choices, InstitutionContext institutions, ReceiptUpload receipts,
    IValidator<PaymentInput> validator, PortalClock clock, InstitutionStanding standing, PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty] public PaymentInput Input { get; set; } = new();
    public Batch? Batch { get; private set; }
    public PayeeAccount? Payee { get; private set; }
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public IReadOnlyList<PayableApplicant> Payable { get; private set; } = [];
    public Page<PaymentQueueItem> History { get; private set; } = default!;
    public bool CanSubmit { get; private set; }
    public WorkflowResult? Suspension { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (!await LoadAsync(pageNumber, ct))
        {
            return Forbid();
        }

        Input = new PaymentInput { RegistrationIds = [.. Payable.Select(p => p.Id)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? receipt, CancellationToken ct)
    {
        if (!await LoadAsync(1, ct))
        {
            return Forbid();
        }

        if (Batch is null)
        {
            return NotFound();
        }

        // Refused before the receipt is stored: a suspended institution uploads nothing to pay with.
        if (Suspension is { } suspended)
        {
            ModelState.AddModelError(string.Empty, suspended.Message!);
            return Page();
        }

        // The receipt and the payment commit together, so a fault half-way leaves no receipt behind without its payment;
        // a refused claim commits the receipt alone, and the form offers it again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answer = await SubmitAsync(receipt, Batch, ct);
        await transaction.CommitAsync(ct);
        return answer;
    }

    private async Task<IActionResult> SubmitAsync(IFormFile? receipt, Batch batch, CancellationToken ct)
    {
        var (receiptId, problem) = await receipts.StoreAsync(receipt, Input.PendingReceiptId, User.UserId(), ct);
        var valid = await validator.IsValidInto(Input, ModelState, nameof(Input), ct);
        if (receiptId is null)
        {
            ModelState.AddModelError("receipt", problem!);
            return Page();
        }

        // The hidden field would otherwise render the posted (empty) value from ModelState, and the stored receipt would be lost.
        Input.PendingReceiptId = receiptId;
        ModelState.Remove($"{nameof(Input)}.{nameof(PaymentInput.PendingReceiptId)}");
        if (!valid)
        {
            return Page();
        }

        var result = await payments.SubmitInstitutionAsync(User.ToActor(), batch.Id, Input.RegistrationIds, Input.ToClaim(), receiptId.Value, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = $"缴费凭证已提交（{Input.RegistrationIds.Count}人），所选考生已标注为“已缴费”，等待省职鉴中心确认。";
                return RedirectToPage(new { batchId = batch.Id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return Page();
        }
    }

    public decimal SelectedTotal => Payable.Where(p => Input.RegistrationIds.Contains(p.Id)).Sum(p => p.Fee);

    private async Task<bool> LoadAsync(int pageNumber, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return false;
        }

        Batches = await choices.BatchesAsync(ct);
        Batch = await queries.BatchToPayAsync(BatchId, Domain.Common.ChinaTime.DateOf(clock.GetUtcNow()), ct);
        BatchId = Batch?.Id;
        Payee = await payments.PayeeAsync(ct);
        Payable = Batch is null ? [] : await queries.PayableAsync(institutionId, Batch.Id, ct);
        History = await queries.InstitutionPaymentsAsync(institutionId, pageNumber, ct);
        Suspension = await standing.RefusalAsync(institutionId, ct);
        CanSubmit = Suspension is null && Batch is not null && Payee is not null && Payable.Count > 0 && Batch.Schedule.IsPaymentOpen(clock.GetUtcNow());
        return true;
    }
}
