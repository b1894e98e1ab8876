using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Reviews;

public sealed class IndexModel(ReviewQueries reviews, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ProjectId { get; set; }
    [BindProperty(SupportsGet = true)] public RegistrationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ReviewDue? Due { get; set; }

    public Page<ReviewQueueItem> Queue { get; private set; } = default!;
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public IReadOnlyList<Choice> Projects { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        Batches = await reviews.BatchesAsync(ct);
        Projects = await reviews.ProjectsAsync(ct);
        Queue = await reviews.QueueAsync(new ReviewFilter(BatchId, ProjectId, Status, Due), pageNumber, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var filters = $"{await exports.BatchFilterAsync(BatchId, ct)}；{await exports.ProjectFilterAsync(ProjectId, ct)}；状态：{RegistrationStatuses.DisplayName(Status ?? RegistrationStatus.Submitted)}"
            + (Due is { } due ? $"；复审反馈：{(due == ReviewDue.Overdue ? "已逾期" : "即将到期")}" : string.Empty);
        return export.File(User.ToActor(), "报名审核", filters, exports.Reviews(new ReviewFilter(BatchId, ProjectId, Status, Due), ct));
    }
}
