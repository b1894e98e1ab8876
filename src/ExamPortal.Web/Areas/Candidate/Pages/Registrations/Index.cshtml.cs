using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

public sealed class IndexModel(RegistrationQueries queries) : PageModel
{
    public Page<RegistrationListItem> Registrations { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Registrations = await queries.ForCandidateAsync(User.UserId(), pageNumber, ct);
}
