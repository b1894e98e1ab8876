using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Payments;

public sealed class DecideModel(PaymentQueries queries, PaymentWorkflow payments, PortalClock clock) : PageModel
{
    public PaymentDetail Detail { get; private set; } = default!;
    public bool CanDecide { get; private set; }
    [BindProperty] public uint Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, "已确认收费", await payments.ConfirmAsync(id, Version, User.ToActor(), ct), ct);

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(id, "已退回缴费凭证", await payments.ReturnAsync(id, Version, User.ToActor(), Reason ?? string.Empty, ct), ct);

    private async Task<IActionResult> DoneAsync(Guid id, string done, WorkflowResult result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = result.Message ?? done;
                return RedirectToPage(new { id });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                var reason = Reason;
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                Reason = reason;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(id, institutionId: null, ct);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        Version = detail.Payment.Version;
        ModelState.Remove(nameof(Version));
        CanDecide = detail.Payment.CanDecide(User.ToActor(), clock.GetUtcNow(), detail.Batch.Schedule);
        return true;
    }
}
