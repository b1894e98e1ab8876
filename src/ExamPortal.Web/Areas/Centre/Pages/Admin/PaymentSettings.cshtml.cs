using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin;

/// <summary>The payee account shown on every payment page, and a batch's payment window extension; both audited.</summary>
public sealed class PaymentSettingsModel(BatchAdministration administration, PaymentWorkflow payments, PortalDbContext db) : PageModel
{
    [BindProperty] public string? PayeeName { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? BankName { get; set; }
    [BindProperty] public DateOnly? NewEnd { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<Batch> Batches { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var payee = await payments.PayeeAsync(ct);
        PayeeName = payee?.PayeeName;
        AccountNumber = payee?.AccountNumber;
        BankName = payee?.BankName;
    }

    public async Task<IActionResult> OnPostPayeeAsync(CancellationToken ct) =>
        await DoneAsync(await administration.SavePayeeAsync(PayeeName, AccountNumber, BankName, User.ToActor(), ct), "收款账户已保存", ct);

    public async Task<IActionResult> OnPostExtendAsync(int batchId, CancellationToken ct) =>
        await DoneAsync(await administration.ExtendPaymentWindowAsync(batchId, NewEnd, Reason, User.ToActor(), ct), "缴费截止日期已延长", ct);

    private async Task<IActionResult> DoneAsync(WorkflowResult result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = done;
                return RedirectToPage();
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches = await db.Batches.AsNoTracking().OrderBy(b => b.Year).ThenBy(b => b.Number).ToListAsync(ct);
        Trail = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditTrail.PaymentWindowExtended || a.Action == AuditTrail.PayeeAccountChanged)
            .OrderByDescending(a => a.At).Take(20).ToListAsync(ct);
    }
}
