using ExamPortal.Domain.Common;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Areas.Centre.Pages.Certificates;

/// <summary>
/// 证书核发与台账 (CentreExam): issue a batch's certificates after its publicity period, and keep the ledger of
/// paper certificates — who collected each, when, handed over by whom — searchable and exportable.
/// </summary>
public sealed class IndexModel(
    ResultQueries results, ResultCalendar calendar, CertificateIssuing issuing, CertificateQueries certificates, CertificateWorkflow workflow,
    CertificateDocuments documents, IConfiguration configuration, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Collected { get; set; }
    [BindProperty] public Guid? CertificateId { get; set; }
    [BindProperty] public string? CollectedBy { get; set; }
    [BindProperty] public string? CollectionNote { get; set; }
    public IReadOnlyList<BatchResultState> Batches { get; private set; } = [];
    public BatchResultState? Batch { get; private set; }
    public string? IssueRefusal { get; private set; }
    public (DateOnly? Date, string? Problem) CollectionFrom { get; private set; }
    public Page<CertificateRow>? Ledger { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) => await LoadAsync(pageNumber, ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (BatchId is not { } batchId)
        {
            return NotFound();
        }

        try
        {
            var result = await issuing.IssueAsync(batchId, User.ToActor(), ct);
            StatusMessage = result.Issued == 0
                ? $"没有需要核发的证书：合格考生的证书都已核发（共{result.AlreadyIssued}张）"
                : $"已核发证书{result.Issued}张（此前已发{result.AlreadyIssued}张）";
        }
        catch (DomainRuleException e)
        {
            StatusMessage = e.Message;
        }

        return RedirectToPage(new { BatchId });
    }

    public async Task<IActionResult> OnPostCollectAsync(CancellationToken ct)
    {
        if (CertificateId is not { } id)
        {
            return NotFound();
        }

        var result = await workflow.RecordCollectionAsync(id, CollectedBy, CollectionNote, User.ToActor(), ct);
        if (result.Outcome == WorkflowOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Message!);
            await LoadAsync(1, ct);
            return Page();
        }

        StatusMessage = $"已登记领取：{CollectedBy?.Trim()}";
        return RedirectToPage(new { BatchId, Search, Collected });
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid certificateId, CancellationToken ct) =>
        await certificates.ByIdAsync(certificateId, ct) is { } certificate
            ? PdfStreamResult.Attachment(Response, $"专项职业能力证书-{certificate.Number}.pdf",
                await documents.CertificateAsync(certificate, CertificateLinks.VerificationUrl(Request, configuration), ct))
            : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var filters = $"{await exports.BatchFilterAsync(BatchId, ct)}；查询：{(string.IsNullOrWhiteSpace(Search) ? "无" : Search.Trim())}；领取：{Collected switch { true => "已领取", false => "未领取", _ => "全部" }}";
        return export.File(User.ToActor(), "证书台账", filters, exports.Certificates(BatchId, Search, Collected, ct));
    }

    private async Task LoadAsync(int pageNumber, CancellationToken ct)
    {
        Batches = await results.BatchesAsync(ct);
        BatchId ??= Batches.Where(b => b.IsPublished).Select(b => (int?)b.BatchId).LastOrDefault();
        Batch = Batches.FirstOrDefault(b => b.BatchId == BatchId);
        if (Batch is not null)
        {
            IssueRefusal = await issuing.RefusalAsync(Batch.BatchId, User.ToActor(), ct);
            CollectionFrom = await calendar.CollectionFromAsync(Batch.Dates.ExamDate, ct);
        }

        Ledger = await certificates.PageAsync(certificates.Ledger(BatchId, Search, Collected), pageNumber, ct);
    }
}
