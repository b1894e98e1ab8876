using ExamPortal.Domain.People;

namespace ExamPortal.Domain.Certificates;

// What a certificate is issued to, read from the registration and its plan on the day of issue.
public sealed record CertificateHolder(
    string? CandidateUserId, int? InstitutionId, string FullName, IdDocumentType IdDocumentType, string IdNumber, string ProjectName, Guid? PhotoFileId);
