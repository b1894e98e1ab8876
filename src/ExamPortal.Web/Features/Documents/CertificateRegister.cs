namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// An institution's paper certificates of one sitting, collectable at the centre from
/// <see cref="CollectableFrom"/> (announcement, section 九: 考核结束30个工作日后).
/// </summary>
public sealed record CertificateRegister(
    string InstitutionName,
    string BatchTitle,
    DateOnly ExamDate,
    DateOnly CollectableFrom,
    IReadOnlyList<CertificateRegisterEntry> Entries);
