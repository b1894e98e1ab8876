using ExamPortal.Domain.Results;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Results;

/// <summary>
/// One plan's scores: entered by hand or imported from the plan's template (准考证号, 姓名, 成绩 or 缺考) until the
/// publication date, with a row-level report; afterwards each score changes only by a correction with a reason.
/// </summary>
[RequestSizeLimit(UploadedFile.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.RequestLimit)]
public sealed class PlanModel(ScoreEntry scores, TimeProvider clock) : PageModel
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true)] public int PlanId { get; set; }
    [BindProperty] public Dictionary<string, string?> Scores { get; set; } = [];
    [BindProperty] public Guid? TicketId { get; set; }
    [BindProperty] public string? Correction { get; set; }
    [BindProperty] public string? CorrectionReason { get; set; }
    public PlanScores Plan { get; private set; } = default!;
    public bool IsPublished { get; private set; }
    public ScoreImportReport? Report { get; private set; }
    public string? ImportOutcome { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? File(ScoreTemplate.Build(Plan.Title, [.. Plan.Rows.Select(r => (r.TicketNumber, r.FullName))]), XlsxType, $"成绩表-{Plan.BatchTitle}-{Plan.ProjectName}.xlsx")
            : NotFound();

    /// <summary>By hand: every filled box is checked first; one bad box keeps all typed values and saves nothing.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var values = new Dictionary<string, ScoreValue>(StringComparer.Ordinal);
        foreach (var (number, text) in Scores.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            var (value, problem) = ScoreValue.Parse(text);
            if (value is null)
            {
                ModelState.AddModelError($"Scores[{number}]", $"准考证号{number}：{problem}");
            }
            else
            {
                values[number] = value;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await RecordAsync(values, "手工录入", ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (await CheckAsync(sheet, ct) is not { } report)
        {
            return Page();
        }

        // Rows without problems are recorded even when others have some, as the applicant import does; the page
        // then lists what was not recorded, and re-importing the fixed sheet records only what changed.
        Report = report;
        if (report.RecordableCount > 0)
        {
            var result = await scores.RecordAsync(PlanId, report.Accepted, User.ToActor(), $"导入{Path.GetFileName(sheet!.FileName)}", ct);
            if (!result.Succeeded)
            {
                ModelState.AddModelError(string.Empty, result.Message!);
                return Page();
            }

            ImportOutcome = result.Message;
            await LoadAsync(ct);
        }

        return Page();
    }

    /// <summary>Checks a sheet without recording anything and returns the report as .xlsx.</summary>
    public async Task<IActionResult> OnPostReportAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await CheckAsync(sheet, ct) is { } report
            ? File(ScoreReportWorkbook.Build(report), XlsxType, $"成绩导入检查报告-{Plan.ProjectName}.xlsx")
            : Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || TicketId is not { } ticketId)
        {
            return NotFound();
        }

        var (value, problem) = ScoreValue.Parse(Correction);
        if (value is null)
        {
            ModelState.AddModelError(nameof(Correction), problem!);
            return Page();
        }

        var result = await scores.CorrectAsync(ticketId, value, CorrectionReason, User.ToActor(), ct);
        return await AfterAsync(result, "已更正成绩，更正原因已记录", ct);
    }

    private async Task<ScoreImportReport?> CheckAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (sheet is null || sheet.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "请选择要导入的成绩表（.xlsx）");
            return null;
        }

        await using var stream = sheet.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var read = ScoreSheetReader.Read(buffer);
        if (read.IsRefused)
        {
            ModelState.AddModelError(string.Empty, read.Refusal!);
            return null;
        }

        return ScoreSheetCheck.Against(read, Plan.Rows.ToDictionary(r => r.TicketNumber, r => r.FullName, StringComparer.Ordinal));
    }

    private async Task<IActionResult> RecordAsync(Dictionary<string, ScoreValue> values, string source, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "没有填写任何成绩");
            return Page();
        }

        var result = await scores.RecordAsync(PlanId, values, User.ToActor(), source, ct);
        return await AfterAsync(result, result.Message ?? "已保存成绩", ct);
    }

    private async Task<IActionResult> AfterAsync(WorkflowResult result, string success, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.Ok:
                StatusMessage = success;
                return RedirectToPage(new { PlanId });
            case WorkflowOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                await LoadAsync(ct);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await scores.PlanAsync(PlanId, ct) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        IsPublished = plan.Dates.IsPublished(clock.GetUtcNow());
        return true;
    }
}
