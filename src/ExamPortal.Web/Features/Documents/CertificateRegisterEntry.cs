namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One certificate on the 证书登记表. The ID number comes masked: the sheet passes through the
/// institution's hands, and the holder's name and certificate number are what the counter matches.
/// </summary>
public sealed record CertificateRegisterEntry(string FullName, string MaskedIdNumber, string ProjectName, string CertificateNumber);
