using ExamPortal.Web.Features.Corrections;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Corrections;

/// <summary>更正申请 awaiting a reviewer's decision, oldest first.</summary>
public sealed class IndexModel(CorrectionWorkflow corrections, XlsxExport export, QueueExports exports) : PageModel
{
    public const int Shown = 100;
    public IReadOnlyList<CorrectionQueueItem> Pending { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await corrections.PendingAsync(Shown, ct);

    public IActionResult OnGetExport(CancellationToken ct) =>
        export.File(User.ToActor(), "更正申请", "待处理的更正申请", exports.Corrections(ct));

    public async Task<IActionResult> OnPostAsync(Guid requestId, uint version, bool approve, string? note, CancellationToken ct)
    {
        var result = await corrections.DecideAsync(requestId, version, approve, note, User.ToActor(), ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            Pending = await corrections.PendingAsync(Shown, ct);
            return Page();
        }

        StatusMessage = approve ? "已同意更正，报名信息已更新" : "已不予更正，申请人会收到原因";
        return RedirectToPage();
    }
}
