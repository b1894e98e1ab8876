using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Messages;

public sealed class IndexModel(MessageQueries messages) : PageModel
{
    public Page<Message> Messages { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Messages = await messages.ForUserAsync(User.UserId(), pageNumber, ct);

    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken ct)
    {
        await messages.MarkAllReadAsync(User.UserId(), ct);
        return RedirectToPage();
    }
}
