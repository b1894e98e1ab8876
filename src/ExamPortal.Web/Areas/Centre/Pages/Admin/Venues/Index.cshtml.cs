using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Venues;

/// <summary>考点 (CentreAdmin): the venues with their rooms and seats; a new venue is added here.</summary>
public sealed class IndexModel(VenueAdministration venues, IValidator<VenueInput> validator) : PageModel
{
    [BindProperty] public VenueInput Input { get; set; } = new();
    public Page<VenueListItem> Venues { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Venues = await venues.ListAsync(pageNumber, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            var (id, refusal) = await venues.CreateAsync(Input, User.ToActor(), ct);
            if (id is { } created)
            {
                StatusMessage = $"已新增考点“{Input.Name?.Trim()}”，请添加它的考场";
                return RedirectToPage("Edit", new { id = created });
            }

            ModelState.AddModelError($"{nameof(Input)}.{nameof(VenueInput.Name)}", refusal!);
        }

        Venues = await venues.ListAsync(1, ct);
        return Page();
    }
}
