using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Applicants;

/// <summary>One applicant entered by hand, checked by exactly the rules of the Excel import (one row of the same sheet).</summary>
public sealed class NewModel(ImportQueries queries, ApplicantImport import, InstitutionContext institutions) : PageModel
{
    [BindProperty] public int? BatchId { get; set; }
    [BindProperty] public string[] Cells { get; set; } = new string[ApplicantColumns.All.Count];
    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public TemplateLists Choices { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } institutionId)
        {
            return Forbid();
        }

        if (BatchId is not { } batchId || Batches.All(b => b.Id != batchId))
        {
            ModelState.AddModelError(nameof(BatchId), "请选择正在报名的批次");
            return Page();
        }

        var cells = ApplicantColumns.All.Select(c => (object?)(c.Index < Cells.Length ? Cells[c.Index] : null)).ToArray();
        var (registrationId, problems) = await import.AddOneAsync(User.ToActor(), institutionId, batchId, cells, ct);
        if (registrationId is { } id)
        {
            TempData["StatusMessage"] = "已登记该考生。请上传照片和扫描件后进行初审。";
            return RedirectToPage("Details", new { id });
        }

        Problems = problems.GroupBy(p => p.Column).ToDictionary(g => g.Key, g => string.Join("；", g.Select(p => p.Message)));
        foreach (var problem in problems.Where(p => ApplicantColumns.Match(p.Column) is null))
        {
            ModelState.AddModelError(string.Empty, problem.Message);
        }

        return Page();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        if (institutionId is not null)
        {
            Batches = await queries.BatchesOpenForRegistrationAsync(ct);
            Choices = await queries.ListsAsync(ct);
        }

        return institutionId;
    }
}
