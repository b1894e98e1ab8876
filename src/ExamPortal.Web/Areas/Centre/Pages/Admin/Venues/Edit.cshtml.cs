using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Venues;

/// <summary>One venue (CentreAdmin): its name, address and whether it is in use, and its standing rooms.</summary>
public sealed class EditModel(VenueAdministration venues, IValidator<VenueInput> venueValidator, IValidator<RoomInput> roomValidator) : PageModel
{
    [BindProperty] public VenueInput Input { get; set; } = new();
    [BindProperty] public RoomInput Room { get; set; } = new();
    [BindProperty] public int? RoomId { get; set; }
    public Venue Venue { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new VenueInput { Name = Venue.Name, Address = Venue.Address, IsActive = Venue.IsActive, Stamp = VenueAdministration.Stamp(Venue) };
        return Page();
    }

    public async Task<IActionResult> OnPostVenueAsync(int id, CancellationToken ct) =>
        await venueValidator.IsValidInto(Input, ModelState, nameof(Input), ct)
            ? await Outcome(id, await venues.UpdateAsync(id, Input, User.ToActor(), ct), "已保存考点", ct)
            : await Reload(id, ct);

    public async Task<IActionResult> OnPostAddRoomAsync(int id, CancellationToken ct) =>
        await roomValidator.IsValidInto(Room, ModelState, nameof(Room), ct)
            ? await Outcome(id, await venues.AddRoomAsync(id, Room, User.ToActor(), ct), $"已新增考场“{Room.Name?.Trim()}”", ct)
            : await Reload(id, ct);

    public async Task<IActionResult> OnPostUpdateRoomAsync(int id, CancellationToken ct) =>
        RoomId is { } roomId && await roomValidator.IsValidInto(Room, ModelState, nameof(Room), ct)
            ? await Outcome(id, await venues.UpdateRoomAsync(id, roomId, Room, User.ToActor(), ct), $"已保存考场“{Room.Name?.Trim()}”", ct)
            : await Reload(id, ct);

    public async Task<IActionResult> OnPostRemoveRoomAsync(int id, CancellationToken ct) =>
        RoomId is { } roomId ? await Outcome(id, await venues.RemoveRoomAsync(id, roomId, User.ToActor(), ct), "已删除考场", ct) : NotFound();

    private async Task<IActionResult> Outcome(int id, string? refusal, string success, CancellationToken ct)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            var page = await Reload(id, ct);
            if (refusal == WorkflowResult.ConflictMessage && page is PageResult)
            {
                // What was typed stays; the stamp moves on to the venue as it now is, so saving again is a deliberate choice.
                Input.Stamp = VenueAdministration.Stamp(Venue);
                ModelState.Remove($"{nameof(Input)}.{nameof(VenueInput.Stamp)}");
            }

            return page;
        }

        StatusMessage = success;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> Reload(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await venues.OneAsync(id, ct) is not { } venue)
        {
            return false;
        }

        Venue = venue;
        return true;
    }
}
