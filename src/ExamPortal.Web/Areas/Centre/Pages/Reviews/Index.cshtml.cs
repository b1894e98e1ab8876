using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Reviews;

public sealed class IndexModel(ReviewQueries reviews) : PageModel
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
}
