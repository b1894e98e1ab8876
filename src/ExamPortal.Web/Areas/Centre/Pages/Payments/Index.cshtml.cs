using ExamPortal.Domain.Payments;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Payments;

public sealed class IndexModel(PaymentQueries payments, ReviewQueries choices, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty(SupportsGet = true)] public PaymentStatus? Status { get; set; }
    public Page<PaymentQueueItem> Queue { get; private set; } = default!;
    public IReadOnlyList<Choice> Batches { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Batches = await choices.BatchesAsync(ct);
        Queue = await payments.QueueAsync(Status ?? PaymentStatus.Submitted, BatchId, pageNumber, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var status = Status ?? PaymentStatus.Submitted;
        var filters = $"{await exports.BatchFilterAsync(BatchId, ct)}；状态：{PaymentStatuses.DisplayName(status)}";
        return export.File(User.ToActor(), "缴费确认", filters, exports.Payments(status, BatchId, ct));
    }
}
