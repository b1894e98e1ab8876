using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Certificates;

/// <summary>A holder's share link: the certificate and its PDF, until the link expires or is revoked.</summary>
public sealed class SharedModel(CertificateQueries certificates, CertificateDocuments documents, IConfiguration configuration, TimeProvider clock) : PageModel
{
    public CertificateRow? Certificate { get; private set; }
    public ShareLinkRow? Link { get; private set; }
    public bool IsActive { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct)
    {
        if (await certificates.SharedAsync(token, ct) is { } shared)
        {
            Link = shared.Link;
            IsActive = shared.Link.IsActive(clock.GetUtcNow());
            Certificate = IsActive ? shared.Certificate : null;
        }

        if (Certificate is null)
        {
            Response.StatusCode = Link is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(string? token, CancellationToken ct)
    {
        if (await certificates.SharedAsync(token, ct) is not { } shared || !shared.Link.IsActive(clock.GetUtcNow()))
        {
            return NotFound();
        }

        var url = CertificateLinks.VerificationUrl(Request, configuration);
        return PdfStreamResult.Attachment(Response, $"专项职业能力证书-{shared.Certificate.Number}.pdf", await documents.CertificateAsync(shared.Certificate, url, ct));
    }
}
