using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Calendar;

/// <summary>One year's holidays and make-up working days (at most a few dozen rows): add a run of holidays, a make-up day, remove a day.</summary>
public sealed class YearModel(CalendarAdministration administration) : PageModel
{
    [BindProperty] public DateOnly? HolidayFrom { get; set; }
    [BindProperty] public DateOnly? HolidayTo { get; set; }
    [BindProperty] public string? HolidayNote { get; set; }
    [BindProperty] public DateOnly? MakeUpDate { get; set; }
    [BindProperty] public string? MakeUpNote { get; set; }
    public CalendarYearView View { get; private set; } = default!;
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct) => await ShowAsync(year, ct);

    public async Task<IActionResult> OnPostHolidaysAsync(int year, CancellationToken ct) =>
        await DoneAsync(year, await administration.AddHolidaysAsync(year, HolidayFrom, HolidayTo, HolidayNote, User.ToActor(), ct), "已录入放假日期", ct);

    public async Task<IActionResult> OnPostMakeUpAsync(int year, CancellationToken ct) =>
        await DoneAsync(year, await administration.AddMakeUpDayAsync(year, MakeUpDate, MakeUpNote, User.ToActor(), ct), "已录入调休上班日", ct);

    public async Task<IActionResult> OnPostRemoveAsync(int year, DateOnly date, CancellationToken ct) =>
        await DoneAsync(year, await administration.RemoveDayAsync(year, date, User.ToActor(), ct), $"已删除{date:yyyy-MM-dd}", ct);

    private async Task<IActionResult> DoneAsync(int year, AdminResult result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = string.Join(" ", [done, .. result.Warnings]);
                return RedirectToPage(new { year });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddErrors(result);
                return await ShowAsync(year, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int year, CancellationToken ct)
    {
        if (await administration.YearAsync(year, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
