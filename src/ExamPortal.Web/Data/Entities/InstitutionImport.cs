namespace ExamPortal.Web.Data.Entities;

public enum ImportRowOutcome { Imported, AlreadyImported, Failed }

/// <summary>One row of an uploaded applicant sheet as the result page shows it.</summary>
public sealed record ImportRowResult(int RowNumber, string FullName, string MaskedIdNumber, string ProjectName, ImportRowOutcome Outcome, IReadOnlyList<string> Problems);

/// <summary>An institution's upload of an applicant sheet for one batch, kept so the result survives a reload.</summary>
public sealed class InstitutionImport
{
    public Guid Id { get; set; }
    public int InstitutionId { get; set; }
    public int BatchId { get; set; }
    public required string FileName { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public int ImportedCount { get; set; }
    public int AlreadyImportedCount { get; set; }
    public int FailedCount { get; set; }
    public IReadOnlyList<string> SheetProblems { get; set; } = [];
    public IReadOnlyList<ImportRowResult> Rows { get; set; } = [];
    public Guid? ErrorReportFileId { get; set; }
}
