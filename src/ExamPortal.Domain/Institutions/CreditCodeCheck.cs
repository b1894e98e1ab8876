namespace ExamPortal.Domain.Institutions;

// Normalized is returned whatever the verdict, so the form can show the code as it will be stored.
// Message is null when Valid; otherwise Chinese, saying what to check, shown next to the field.
public sealed record CreditCodeCheck(CreditCodeVerdict Verdict, string Normalized, string? Message);
