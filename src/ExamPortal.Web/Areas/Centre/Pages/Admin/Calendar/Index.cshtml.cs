using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Calendar;

/// <summary>The holiday calendar's years (one row a year, so no paging): add next year's, remove one no batch uses.</summary>
public sealed class IndexModel(CalendarAdministration administration) : PageModel
{
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Source { get; set; }
    public IReadOnlyList<CalendarYearRow> Years { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Years = await administration.YearsAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await administration.AddYearAsync(Year, Source, User.ToActor(), ct);
        if (result.Outcome == WorkflowOutcome.Ok)
        {
            StatusMessage = $"已录入{Year}年工作日历，请继续录入放假和调休日期";
            return RedirectToPage("Year", new { year = Year });
        }

        return await RefusedAsync(result, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int year, CancellationToken ct)
    {
        var result = await administration.RemoveYearAsync(year, User.ToActor(), ct);
        if (result.Outcome == WorkflowOutcome.Ok)
        {
            StatusMessage = $"已删除{year}年工作日历";
            return RedirectToPage();
        }

        return await RefusedAsync(result, ct);
    }

    private async Task<IActionResult> RefusedAsync(AdminResult result, CancellationToken ct)
    {
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.AddErrors(result);
        Years = await administration.YearsAsync(ct);
        return Page();
    }
}
