using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Import;

[RequestSizeLimit(UploadedFile.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.RequestLimit)]
public sealed class IndexModel(ImportQueries queries, ApplicantImport importer, InstitutionContext institutions) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    public IReadOnlyList<ImportSummary> Recent { get; private set; } = [];
    [BindProperty] public int? BatchId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct) =>
        File(await queries.TemplateAsync(ct), XlsxType, "考生信息导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        if (BatchId is not { } batchId || Batches.All(b => b.Id != batchId))
        {
            ModelState.AddModelError(nameof(BatchId), "请选择正在报名的批次");
            return Page();
        }

        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", "请选择填写好的Excel文件（.xlsx）");
            return Page();
        }

        var institutionId = (await institutions.InstitutionOfAsync(User.UserId(), ct))!.Value;
        await using var stream = upload.OpenReadStream();
        var import = await importer.ImportAsync(User.ToActor(), institutionId, batchId, upload.FileName, stream, ct);
        return RedirectToPage("Result", new { id = import.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return false;
        }

        Batches = await queries.BatchesOpenForRegistrationAsync(ct);
        Recent = await queries.RecentAsync(institutionId, ct);
        return true;
    }
}
