using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Files;

public sealed class IndexModel(FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await files.ReadAsync(id, User.ToActor(), ct) is { } file ? FileResults.Inline(Response, file) : NotFound();
}
