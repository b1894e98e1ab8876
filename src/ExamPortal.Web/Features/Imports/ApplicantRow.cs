using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// One applicant as read from a sheet, with values normalised where they could be understood. RowNumber is
/// the row number Excel shows; RawValues holds each template column's original cell text by header, so that
/// the error report gives back exactly what was typed.
/// </summary>
public sealed record ApplicantRow(
    int RowNumber,
    string? SequenceNumber,
    string FullName,
    IdDocumentType? IdDocumentType,
    string IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    string Mobile,
    EducationLevel? Education,
    string School,
    string Major,
    string Employer,
    string Occupation,
    string ProjectName,
    string? ProjectCode,
    string ConditionLabel,
    IReadOnlyList<RowProblem> Problems,
    IReadOnlyDictionary<string, string> RawValues)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// What the row was judged eligible by (education, major group, occupation, the declarations the
    /// institution vouches for); null when the row had too many problems to judge. A draft registration
    /// needs these to pass the same check on submission.
    /// </summary>
    public ApplicantQualification? Qualification { get; init; }

    /// <summary>A copy with one more problem, for checks made outside the sheet (e.g. already registered).</summary>
    public ApplicantRow WithProblem(RowProblem problem) => this with { Problems = [.. Problems, problem] };
}
