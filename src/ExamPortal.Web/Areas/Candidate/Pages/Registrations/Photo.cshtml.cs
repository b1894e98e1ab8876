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
public sealed class PhotoModel(RegistrationWorkflow workflow, PhotoProcessor photos, FileStore files, PortalClock clock) : PageModel
{
    public RegistrationContext Context { get; private set; } = default!;
    public WizardState Wizard { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public Guid? CurrentFileId { get; private set; }
    [BindProperty(SupportsGet = true)] public Guid? Pending { get; set; }
    [TempData] public string? FitNote { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || (Pending is { } pending && !await files.IsOwnedByAsync(pending, User.UserId(), ct)))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The upload comes into memory only in its turn (a camera photo is several MB, its pixels some 36 MB).
        PhotoCheck check;
        ProcessedFile? fitted = null;
        using (await ImageGate.EnterAsync(ct))
        {
            var (content, problem) = await UploadedFile.ReadAsync(upload, ct);
            if (content is null)
            {
                return Refuse(problem!);
            }

            check = photos.Inspect(content);
            if (check.Verdict == PhotoVerdict.NeedsFitting)
            {
                try
                {
                    fitted = photos.Fit(content);
                }
                catch (UploadProcessingException ex)
                {
                    return Refuse(ex.Message);
                }
            }
        }

        switch (check.Verdict)
        {
            case PhotoVerdict.Accepted:
                var fileId = await files.SaveAsync(User.UserId(), "photo.jpg", check.File!.ContentType, check.File.Content, ct);
                return await AttachAsync(id, fileId, "照片已上传。", ct);
            case PhotoVerdict.NeedsFitting when fitted is not null:
                var pendingId = await files.SaveAsync(User.UserId(), "photo.jpg", fitted.ContentType, fitted.Content, ct);
                FitNote = $"{string.Join("；", check.Messages)}。系统已将照片裁剪为{fitted.Width}×{fitted.Height}像素的一寸照片（{UploadRules.FormatSize(fitted.Length)}），请确认人像完整清晰后采用，或重新上传。";
                return RedirectToPage(new { id, pending = pendingId });
            default:
                return Refuse(string.Join("；", check.Messages));
        }
    }

    // Loaded first: a refused attach renders the page, which needs the registration.
    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid pending, CancellationToken ct) =>
        await LoadAsync(id, ct) && await files.IsOwnedByAsync(pending, User.UserId(), ct) ? await AttachAsync(id, pending, "已采用处理后的照片。", ct) : NotFound();

    private async Task<IActionResult> AttachAsync(Guid id, Guid fileId, string done, CancellationToken ct)
    {
        var result = await workflow.AttachAsync(id, User.ToActor(), DocumentSlot.Photo, fileId, ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return Refuse(result.Message!);
        }

        StatusMessage = done;
        return RedirectToPage("Scans", new { id });
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("upload", message);
        Pending = null;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var context = await workflow.LoadAsync(id, User.ToActor(), ct);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Wizard = WizardState.Of(context.Registration, WizardStep.Photo);
        CanEdit = context.Registration.CanEdit(clock.GetUtcNow(), context.Batch.Schedule);
        CurrentFileId = context.Registration.DocumentIn(DocumentSlot.Photo)?.FileId;
        return true;
    }
}
