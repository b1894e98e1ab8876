using System.Globalization;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Centre.Pages.Results;

public sealed record PlanScoreCount(int ExamPlanId, string ProjectCode, string ProjectName, int Tickets, int Scored);

/// <summary>成绩与公示 (CentreExam): a batch's result dates, their change with a reason, and each plan's scoring progress.</summary>
public sealed class IndexModel(ResultQueries queries, ResultCalendar calendar, PortalDbContext db, TimeProvider clock, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }

    /// <summary>When given, the batch's scores with this outcome are listed (the dashboard's links).</summary>
    [BindProperty(SupportsGet = true)] public ExamOutcome? Outcome { get; set; }
    public Page<ScoreListItem>? Scores { get; private set; }
    [BindProperty] public string? PublicationDate { get; set; }
    [BindProperty] public string? PublicityEnd { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<BatchResultState> Batches { get; private set; } = [];
    public BatchResultState? Batch { get; private set; }
    public ResultPublication? Change { get; private set; }
    public (DateOnly? Date, string? Problem) CollectionFrom { get; private set; }
    public IReadOnlyList<PlanScoreCount> Plans { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Batch is not null)
        {
            Scores = Outcome is { } outcome ? await queries.ScoresAsync(Batch.BatchId, outcome, pageNumber, ct) : null;
            PublicationDate = Batch.Dates.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            PublicityEnd = Batch.Dates.PublicityEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Page();
    }

    /// <summary>The batch's recorded scores (of the chosen outcome, or all) as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (BatchId is not { } batchId || !await db.Batches.AnyAsync(b => b.Id == batchId, ct))
        {
            return NotFound();
        }

        var filters = $"{await exports.BatchFilterAsync(batchId, ct)}；结果：{(Outcome is { } o ? ExamOutcomes.DisplayName(o) : "全部")}";
        return export.File(User.ToActor(), "考核成绩", filters, exports.Scores(queries.ScoresOf(batchId, Outcome), ct));
    }

    public async Task<IActionResult> OnPostDatesAsync(CancellationToken ct)
    {
        if (BatchId is not { } batchId)
        {
            return NotFound();
        }

        if (!TryDate(PublicationDate, out var publication))
        {
            ModelState.AddModelError(nameof(PublicationDate), "公示日期格式应为 2026-04-03");
        }

        if (!TryDate(PublicityEnd, out var end))
        {
            ModelState.AddModelError(nameof(PublicityEnd), "公示期结束日期格式应为 2026-04-09");
        }

        if (ModelState.IsValid)
        {
            var result = await calendar.ChangeAsync(batchId, publication, end, Reason, User.ToActor(), ct);
            if (result.Succeeded)
            {
                StatusMessage = "已调整成绩公示日期";
                return RedirectToPage(new { BatchId });
            }

            if (result.Outcome == WorkflowOutcome.NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, result.Message!);
        }

        await LoadAsync(ct);
        return Page();
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private async Task LoadAsync(CancellationToken ct)
    {
        Batches = await queries.BatchesAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        BatchId ??= Batches.Where(b => b.Dates.ExamDate <= today).Select(b => (int?)b.BatchId).LastOrDefault() ?? (Batches.Count > 0 ? Batches[0].BatchId : null);
        Batch = Batches.FirstOrDefault(b => b.BatchId == BatchId);
        if (Batch is null)
        {
            return;
        }

        Change = await calendar.ChangeOfAsync(Batch.BatchId, ct);
        CollectionFrom = await calendar.CollectionFromAsync(Batch.Dates.ExamDate, ct);
        Plans = await db.ExamPlans.AsNoTracking()
            .Where(p => p.BatchId == Batch.BatchId && p.CancelledAt == null && db.AdmissionTickets.Any(t => t.ExamPlanId == p.Id))
            .OrderBy(p => p.Project.SortOrder).ThenBy(p => p.Project.Code)
            .Select(p => new PlanScoreCount(p.Id, p.Project.Code, p.Project.Name,
                db.AdmissionTickets.Count(t => t.ExamPlanId == p.Id && db.Registrations.Any(r => r.Id == t.RegistrationId && r.Status == RegistrationStatus.TicketIssued)),
                db.ExamScores.Count(s => s.ExamPlanId == p.Id)))
            .ToListAsync(ct);
    }
}
