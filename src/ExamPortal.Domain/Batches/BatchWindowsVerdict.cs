namespace ExamPortal.Domain.Batches;

// Errors refuse the dates; warnings are shown and the dates may still be saved.
public sealed record BatchWindowsVerdict(IReadOnlyList<BatchDateIssue> Errors, IReadOnlyList<BatchDateIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
