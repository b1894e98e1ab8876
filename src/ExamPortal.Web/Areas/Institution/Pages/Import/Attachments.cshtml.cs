using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Institution.Pages.Import;

[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class AttachmentsModel(ImportQueries queries, AttachmentImport attachments, InstitutionContext institutions) : PageModel
{
    private const long RequestLimit = AttachmentZipReader.MaxTotalBytes + (256 * 1024);

    public IReadOnlyList<Choice> Batches { get; private set; } = [];
    [BindProperty] public int? BatchId { get; set; }
    public AttachmentImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
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

        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", "请选择照片和扫描件的压缩包（.zip）");
            return Page();
        }

        await using var stream = upload.OpenReadStream();
        Result = await attachments.ImportAsync(User.ToActor(), institutionId, batchId, stream, ct);
        return Page();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var institutionId = await institutions.InstitutionOfAsync(User.UserId(), ct);
        if (institutionId is not null)
        {
            Batches = await queries.BatchesOpenForRegistrationAsync(ct);
        }

        return institutionId;
    }
}
