namespace ExamPortal.Domain.Results;

// Stored by name. 缺考 is its own result, not a score of 0.
public enum ExamOutcome
{
    Passed,
    Failed,
    Absent,
}
