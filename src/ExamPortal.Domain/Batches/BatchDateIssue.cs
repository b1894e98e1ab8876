namespace ExamPortal.Domain.Batches;

// One finding about a batch's dates; Field is null when it concerns the batch as a whole (its year's calendar).
public sealed record BatchDateIssue(BatchDateField? Field, string Message);
