using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Plans;

public sealed class CancelModel(PlanCancellation plans, PortalDbContext db) : PageModel
{
    public ExamPlan Plan { get; private set; } = default!;
    public PlanHeadcount? Headcount { get; private set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool CarryOverReview { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await plans.CancelAsync(id, Reason, CarryOverReview, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                TempData["StatusMessage"] = "考核计划已取消，考生和报名机构已收到通知。";
                return RedirectToPage("/Plans/Index", new { batchId = await db.ExamPlans.Where(p => p.Id == id).Select(p => p.BatchId).SingleAsync(ct) });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await db.ExamPlans.AsNoTracking().Include(p => p.Batch).Include(p => p.Project).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Headcount = (await plans.HeadcountsAsync(plan.BatchId, ct))?.Plans.SingleOrDefault(p => p.PlanId == id);
        return true;
    }
}
