using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Certificates;

/// <summary>The electronic certificate PDF, the institution's 登记表 and the ledger export.</summary>
public sealed class CertificateDocuments(PortalDbContext db, VerificationTokens tokens)
{
    public const string CertificatePurpose = "certificate";

    public async Task<string> VerificationTokenAsync(string number, CancellationToken ct) =>
        await tokens.SignAsync(CertificatePurpose, number, ct);

    public async Task<byte[]> CertificateAsync(CertificateRow certificate, Func<string, string> verificationUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(verificationUrl);
        var photo = certificate.PhotoFileId is { } fileId
            ? await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleOrDefaultAsync(ct)
            : null;
        var token = await VerificationTokenAsync(certificate.Number, ct);
        return CertificatePdf.Build(new CertificateSheet(certificate.Number, certificate.FullName, IdDocumentTypes.DisplayName(certificate.IdDocumentType),
            certificate.MaskedIdNumber, certificate.ProjectName, certificate.ExamDate, certificate.IssueDate, photo, verificationUrl(token)));
    }

    public static byte[] Register(string institutionName, string batchTitle, DateOnly examDate, DateOnly collectableFrom, IReadOnlyList<CertificateRow> certificates) =>
        CertificateRegisterPdf.Build(new CertificateRegister(institutionName, batchTitle, examDate, collectableFrom,
            [.. certificates.Select(c => new CertificateRegisterEntry(c.FullName, c.MaskedIdNumber, c.ProjectName, c.Number))]));
}
