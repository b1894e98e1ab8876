using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Uploads;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

[RequestSizeLimit(UploadedFile.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.RequestLimit)]
public sealed class PaymentModel(
    RegistrationWorkflow workflow, PaymentWorkflow payments, PaymentQueries queries, ReceiptUpload receipts, IValidator<PaymentInput> validator, PortalClock clock,
    PortalDbContext db) : PageModel
{
    [BindProperty] public PaymentInput Input { get; set; } = new();
    public RegistrationContext Context { get; private set; } = default!;
    public PayeeAccount? Payee { get; private set; }
    public IReadOnlyList<Domain.Payments.Payment> Receipts { get; private set; } = [];
    public bool CanSubmit { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new PaymentInput
        {
            Version = Context.Registration.Version,
            PayerName = Context.Registration.Details?.FullName,
            Amount = Context.Project.Fee.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? receipt, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The receipt and the payment commit together, so a fault half-way leaves no receipt behind without its payment;
        // a refused claim commits the receipt alone, and the form offers it again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answer = await SubmitAsync(id, receipt, ct);
        await transaction.CommitAsync(ct);
        return answer;
    }

    private async Task<IActionResult> SubmitAsync(Guid id, IFormFile? receipt, CancellationToken ct)
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

        var result = await payments.SubmitIndividualAsync(id, Input.Version, User.ToActor(), Input.ToClaim(), Input.RemarkConfirmed, receiptId.Value, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = "缴费凭证已提交，请等待省职鉴中心确认收费，请勿重复缴费。";
                return RedirectToPage(new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                // After a lost race the workflow has forgotten its change: reload to show the registration as it now is
                // (kept as it was if it has left the payment stage), and let the form carry the version it now has.
                if (result.Outcome == WorkflowOutcome.Conflict)
                {
                    await LoadAsync(id, ct);
                }

                Input.Version = Context.Registration.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(PaymentInput.Version)}");
                return Page();
        }
    }

    /// <summary>The remark the bank receipt must carry when someone else pays, with the form's values filled in.</summary>
    public string ProxyRemark(string? payerName, string? amount)
    {
        var value = PaymentInput.TryParseAmount(amount, out var parsed) ? parsed : 0m;
        return Domain.Payments.PaymentRemark.ForProxy(string.IsNullOrWhiteSpace(payerName) ? "（代缴人姓名）" : payerName,
            Context.Registration.Details?.FullName ?? string.Empty, Context.Batch.ExamDate, Context.Project.Name, value);
    }
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null || RegistrationStatuses.PaymentStage(context.Registration.Status) is null)
        {
            return false;
        }

        Context = context;
        Payee = await payments.PayeeAsync(ct);
        Receipts = await queries.ForRegistrationAsync(id, User.UserId(), ct);
        CanSubmit = Payee is not null && context.Registration.AwaitsPayment && context.Batch.Schedule.IsPaymentOpen(clock.GetUtcNow());
        return true;
    }
}
