using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Areas.Institution.Pages.Certificates;

/// <summary>
/// 证书 (section 九): the institution's candidates' electronic certificates to download, and the 《四川核发专项职业能力证书登记表》
/// to bring, signed and stamped, when collecting the paper certificates from the 30th working day after the exam.
/// </summary>
public sealed class IndexModel(
    CertificateQueries certificates, CertificateDocuments documents, ResultCalendar results, InstitutionContext institutions,
    PortalDbContext db, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? BatchId { get; set; }
    public IReadOnlyList<(int Id, string Title)> Batches { get; private set; } = [];
    public Page<CertificateRow>? List { get; private set; }
    public (DateOnly? Date, string? Problem) CollectionFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId)
        {
            return Forbid();
        }

        var batches = await db.Batches.AsNoTracking()
            .Where(b => db.Certificates.Any(c => c.BatchId == b.Id && c.InstitutionId == institutionId))
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Number)
            .Select(b => new { b.Id, b.Year, b.Number, b.ExamDate }).ToListAsync(ct);
        Batches = [.. batches.Select(b => (b.Id, Batch.TitleOf(b.Year, b.Number)))];
        BatchId ??= batches.Count > 0 ? batches[0].Id : null;
        if (batches.FirstOrDefault(b => b.Id == BatchId) is { } batch)
        {
            List = await certificates.PageAsync(certificates.OfInstitution(institutionId, batch.Id), pageNumber, ct);
            CollectionFrom = await results.CollectionFromAsync(batch.ExamDate, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid certificateId, CancellationToken ct) =>
        await institutions.InstitutionOfAsync(User.UserId(), ct) is { } institutionId
            && await certificates.ForInstitutionAsync(certificateId, institutionId, ct) is { } certificate
            ? PdfStreamResult.Attachment(Response, $"专项职业能力证书-{certificate.Number}.pdf",
                await documents.CertificateAsync(certificate, CertificateLinks.VerificationUrl(Request, configuration), ct))
            : NotFound();

    public async Task<IActionResult> OnGetRegisterAsync(CancellationToken ct)
    {
        if (await institutions.InstitutionOfAsync(User.UserId(), ct) is not { } institutionId || BatchId is not { } batchId)
        {
            return NotFound();
        }

        var rows = await certificates.OfInstitution(institutionId, batchId).OrderBy(c => c.ProjectName).ThenBy(c => c.FullName).ToListAsync(ct);
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name).SingleAsync(ct);
        if (rows.Count == 0)
        {
            return NotFound();
        }

        var (from, _) = await results.CollectionFromAsync(rows[0].ExamDate, ct);
        return PdfStreamResult.Attachment(Response, $"证书登记表-{rows[0].BatchTitle}.pdf",
            CertificateDocuments.Register(institution, rows[0].BatchTitle, rows[0].ExamDate, from ?? rows[0].ExamDate, rows));
    }
}
