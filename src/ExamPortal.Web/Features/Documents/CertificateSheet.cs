namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// What one 电子证书 prints. The ID number comes masked: holders share the certificate with employers,
/// and the QR code, opening <see cref="VerificationUrl"/>, is what proves it genuine. <see cref="Photo"/>
/// is the holder's uploaded JPEG (or PNG) as stored.
/// </summary>
public sealed record CertificateSheet(
    string Number,
    string FullName,
    string IdDocumentTypeName,
    string MaskedIdNumber,
    string ProjectName,
    DateOnly ExamDate,
    DateOnly IssueDate,
    byte[]? Photo,
    string VerificationUrl);
