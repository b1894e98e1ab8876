namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// The applicants an institution sends to the centre at once, under its 报名质量责任承诺. The centre
/// answers within 10 working days of receiving the stamped paper originals.
/// </summary>
public sealed class InstitutionSubmission
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public int InstitutionId { get; set; }
    public int BatchId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedByUserId { get; set; }
    public required string SubmittedByName { get; set; }
    public required string CommitmentWording { get; set; }
    public int ApplicantCount { get; set; }
    public DateOnly? OriginalsReceivedOn { get; set; }
    public string? OriginalsRecordedByUserId { get; set; }
    public uint Version { get; set; }
}
