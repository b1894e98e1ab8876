using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Tickets;

/// <summary>A batch's rooms and each plan's exam time and venue, set before (and corrected after) issuing tickets.</summary>
public sealed class RoomsModel(
    TicketQueries tickets, ExamArrangements arrangements, VenueAdministration venues,
    IValidator<RoomInput> roomValidator, IValidator<ArrangementInput> arrangementValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public int BatchId { get; set; }
    [BindProperty] public RoomInput Room { get; set; } = new();
    [BindProperty] public ArrangementInput Arrangement { get; set; } = new();
    [BindProperty] public int? RoomId { get; set; }
    [BindProperty] public int? VenueId { get; set; }
    public IReadOnlyList<VenueChoice> Venues { get; private set; } = [];
    public BatchTicketSummary? Batch { get; private set; }
    public IReadOnlyList<RoomSummary> Rooms { get; private set; } = [];
    public IReadOnlyList<PlanArrangement> Plans { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoomAsync(CancellationToken ct)
    {
        if (!await roomValidator.IsValidInto(Room, ModelState, nameof(Room), ct))
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return await Outcome(await arrangements.AddRoomAsync(BatchId, Room, User.ToActor(), ct), $"已新增考场“{Room.Name?.Trim()}”", ct);
    }

    public async Task<IActionResult> OnPostUpdateRoomAsync(CancellationToken ct)
    {
        if (RoomId is not { } roomId || !await roomValidator.IsValidInto(Room, ModelState, nameof(Room), ct))
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return await Outcome(await arrangements.UpdateRoomAsync(roomId, Room, User.ToActor(), ct), $"已保存考场“{Room.Name?.Trim()}”", ct);
    }

    public async Task<IActionResult> OnPostRemoveRoomAsync(CancellationToken ct) =>
        RoomId is { } roomId
            ? await Outcome(await arrangements.RemoveRoomAsync(roomId, User.ToActor(), ct), "已删除考场", ct)
            : NotFound();

    public async Task<IActionResult> OnPostCopyVenueAsync(CancellationToken ct)
    {
        if (await tickets.BatchSummaryAsync(BatchId, ct) is null)
        {
            return NotFound();
        }

        var (added, refusal) = VenueId is { } venueId ? await arrangements.CopyVenueRoomsAsync(BatchId, venueId, User.ToActor(), ct) : (0, "请选择考点");
        return await Outcome(refusal, $"已从考点复制{added}个考场", ct);
    }

    public async Task<IActionResult> OnPostArrangementAsync(CancellationToken ct)
    {
        if (!await arrangementValidator.IsValidInto(Arrangement, ModelState, nameof(Arrangement), ct))
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return await Outcome(await arrangements.SetArrangementAsync(BatchId, Arrangement, User.ToActor(), ct), "已保存考核时间和考点", ct);
    }

    private async Task<IActionResult> Outcome(string? refusal, string success, CancellationToken ct)
    {
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        StatusMessage = success;
        return RedirectToPage(new { BatchId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Batch = await tickets.BatchSummaryAsync(BatchId, ct);
        if (Batch is null)
        {
            return false;
        }

        Rooms = await tickets.RoomsAsync(BatchId, ct);
        Plans = await tickets.ArrangementsAsync(BatchId, ct);
        Venues = await venues.ChoicesAsync(ct);
        return true;
    }
}
