using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Features.Dashboard;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Batches;

/// <summary>A number on the dashboard; Url is null where the viewer's role may not open the queue behind it.</summary>
public sealed record DashboardNumber(string Id, string Label, int? Count, string? Url);

/// <summary>批次概况 (any centre role): one batch's phase, counts by state, what needs attention, and two charts.</summary>
public sealed class DashboardModel(DashboardQueries dashboards, IAuthorizationService authorization) : PageModel
{
    public BatchDashboard Dashboard { get; private set; } = default!;
    public IReadOnlyList<DashboardNumber> States { get; private set; } = [];
    public IReadOnlyList<DashboardNumber> Results { get; private set; } = [];
    public IReadOnlyList<DashboardNumber> Attention { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int batchId, CancellationToken ct)
    {
        if (await dashboards.ForBatchAsync(batchId, ct) is not { } d)
        {
            return NotFound();
        }

        Dashboard = d;
        // The queues' own folder policies (Program.cs) decide whether a number is a link.
        var exam = (await authorization.AuthorizeAsync(User, Policies.CentreExam)).Succeeded;
        var finance = (await authorization.AuthorizeAsync(User, Policies.CentreFinance)).Succeeded;
        var review = (await authorization.AuthorizeAsync(User, Policies.CentreReview)).Succeeded;
        States = [.. d.States.Select(s => Number($"state-{s.Status}", RegistrationStatuses.DisplayName(s.Status), s.Count, review,
            "/Reviews/Index", new { batchId, status = s.Status }))];
        Results =
        [
            .. d.Outcomes.Select(o => Number($"outcome-{o.Outcome}", ExamOutcomes.DisplayName(o.Outcome), o.Count, exam, "/Results/Index", new { batchId, outcome = o.Outcome })),
            Number("certificates", "已发证", d.Certificates, exam, "/Certificates/Index", new { batchId }),
        ];
        Attention =
        [
            Number("plans-under", $"不足{PlanViability.MinimumRegistrants}人的考核计划", d.Headcounts.UnderMinimum.Count, true, "/Plans/Index", new { batchId, under = true }),
            Number("reviews-near", "复审反馈即将到期", d.ReviewsNear, review, "/Reviews/Index", new { batchId, status = RegistrationStatus.Submitted, due = ReviewDue.Near }),
            Number("reviews-overdue", "复审反馈已逾期", d.ReviewsOverdue, review, "/Reviews/Index", new { batchId, status = RegistrationStatus.Submitted, due = ReviewDue.Overdue }),
            Number("payments-waiting", "缴费待确认", d.PaymentsWaiting, finance, "/Payments/Index", new { batchId, status = PaymentStatus.Submitted }),
            Number("objections-open", "成绩异议待答复", d.ObjectionsOpen, exam, "/Results/Objections", new { batchId }),
        ];
        return Page();
    }

    private DashboardNumber Number(string id, string label, int? count, bool allowed, string page, object route) =>
        new(id, label, count, allowed && count is not null ? Url.Page(page, null, route) : null);
}
