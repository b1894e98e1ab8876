namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// One applicant's line of the 《考核人员花名册》. The ID number is printed in full: the roster is the
/// original the centre checks the applicants against.
/// </summary>
public sealed record RosterEntry(
    int Sequence,
    string FullName,
    string Gender,
    string IdDocumentType,
    string IdNumber,
    string Mobile,
    string Education,
    string ProjectName,
    string Condition,
    string Employer);
