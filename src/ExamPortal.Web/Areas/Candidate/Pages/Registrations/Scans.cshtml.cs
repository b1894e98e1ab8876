using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Uploads;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Candidate.Pages.Registrations;

[RequestSizeLimit(UploadedFile.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.RequestLimit)]
public sealed class ScansModel(RegistrationWorkflow workflow, ScanProcessor scans, FileStore files, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public WizardState Wizard { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public IReadOnlyDictionary<Guid, (string ContentType, long Length)> Files { get; private set; } = new Dictionary<Guid, (string, long)>();
    [BindProperty(SupportsGet = true)] public Guid? Pending { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentSlot? PendingSlot { get; set; }
    [TempData] public string? ReencodeNote { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public DocumentSlot? FailedSlot { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || (Pending is { } pending && !await files.IsOwnedByAsync(pending, User.UserId(), ct)))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostProofCaseAsync(Guid id, EducationProofCase? proofCase, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Context.Registration.Details is not { } details)
        {
            ModelState.AddModelError(string.Empty, "请先在“报名信息”一步填写并保存您的信息");
            return Page();
        }

        if (proofCase is null)
        {
            ModelState.AddModelError(string.Empty, "请选择适用于您的学历或学籍证明类型");
            return Page();
        }

        var result = await workflow.SaveDetailsAsync(id, User.ToActor(), details with { EducationProofCase = proofCase }, ct);
        return Done(result, id, "已选择学历或学籍证明类型。");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, DocumentSlot slot, IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !DocumentSlots.Scans.Contains(slot))
        {
            return NotFound();
        }

        var (content, problem) = await UploadedFile.ReadAsync(upload, ct);
        if (content is null)
        {
            return Refuse(slot, problem!);
        }

        var check = scans.Inspect(content);
        switch (check.Verdict)
        {
            case ScanVerdict.Accepted:
                var fileId = await files.SaveAsync(User.UserId(), FileName(slot, check.File!), check.File!.ContentType, check.File.Content, ct);
                return Done(await workflow.AttachAsync(id, User.ToActor(), slot, fileId, ct), id, $"{DocumentSlots.DisplayName(slot)}已上传。");
            case ScanVerdict.NeedsReencode:
                // Only a scan that must be re-encoded is decoded, in its turn.
                ProcessedFile reencoded;
                try
                {
                    using (await ImageGate.EnterAsync(ct))
                    {
                        reencoded = scans.Reencode(content);
                    }
                }
                catch (UploadProcessingException ex)
                {
                    return Refuse(slot, ex.Message);
                }

                var pendingId = await files.SaveAsync(User.UserId(), FileName(slot, reencoded), reencoded.ContentType, reencoded.Content, ct);
                ReencodeNote = $"{string.Join("；", check.Messages)}。系统已将图片重新压缩为{UploadRules.FormatSize(reencoded.Length)}，请确认清晰可读后采用，或重新上传。";
                return RedirectToPage(new { id, pending = pendingId, pendingSlot = slot });
            default:
                return Refuse(slot, string.Join("；", check.Messages));
        }
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid pending, DocumentSlot slot, CancellationToken ct)
    {
        // Loaded first: a refused attach renders the page, which needs the registration.
        if (!DocumentSlots.Scans.Contains(slot) || !await LoadAsync(id, ct) || !await files.IsOwnedByAsync(pending, User.UserId(), ct))
        {
            return NotFound();
        }

        return Done(await workflow.AttachAsync(id, User.ToActor(), slot, pending, ct), id, $"已采用重新压缩后的{DocumentSlots.DisplayName(slot)}。");
    }

    private IActionResult Done(WorkflowResult result, Guid id, string message)
    {
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            return Page();
        }

        StatusMessage = message;
        return RedirectToPage(new { id });
    }

    private PageResult Refuse(DocumentSlot slot, string message)
    {
        FailedSlot = slot;
        ModelState.AddModelError($"upload-{slot}", $"{DocumentSlots.DisplayName(slot)}：{message}");
        Pending = null;
        return Page();
    }

    private static string FileName(DocumentSlot slot, ProcessedFile file) => slot + file.Extension;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Wizard = WizardState.Of(context.Registration, WizardStep.Scans);
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        Files = await files.DescribeAsync(context.Registration.Documents.Select(d => d.FileId).ToList(), ct);
        return true;
    }

    /// <summary>The education-proof slot is named after the case the candidate chose.</summary>
    public string SlotLabel(DocumentSlot slot) =>
        slot == DocumentSlot.EducationProof && Context.Registration.Details?.EducationProofCase is { } proof
            ? $"{DocumentSlots.DisplayName(slot)}：{EducationProofCases.DisplayName(proof)}"
            : DocumentSlots.DisplayName(slot);
}
