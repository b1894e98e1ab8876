using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Certificates;

/// <summary>
/// 证书核验, the certificate QR code's target: a token this portal signed for the number shows the certificate's
/// key facts as genuine; anything else says no such certificate exists. No part of the ID number is shown.
/// </summary>
public sealed class VerifyModel(VerificationTokens tokens, CertificateVerification certificates) : PageModel
{
    public CertificateRow? Certificate { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct)
    {
        var number = await tokens.VerifyAsync(CertificateDocuments.CertificatePurpose, token, ct);
        Certificate = number is null ? null : await certificates.PublicFactsAsync(number, ct);
        if (Certificate is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
