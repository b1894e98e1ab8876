namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One institution's submission of applicants for a batch, as the paper originals print it: the
/// 《考核人员花名册》 and the 《专项职业能力考核报名质量责任承诺书（省、市统一考核）》 that the
/// institution stamps and sends to the centre for the second review (announcement, section 四(一)2).
/// Display text throughout (the caller turns enums into their Chinese names); entries print in the
/// order given.
/// </summary>
public sealed record SubmissionDocumentData(
    string InstitutionName,
    string CreditCode,
    string InstitutionAddress,
    string ContactPerson,
    string ContactPhone,
    string BatchTitle,
    DateOnly ExamDate,
    string SubmissionNumber,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    IReadOnlyList<RosterEntry> Entries);
