namespace ExamPortal.Domain.Catalogue;

// A 考核项目 of attachment 1: Code is its two-digit number there ("01"–"22").
public sealed record ProjectDefinition(string Code, string Name, EligibilityRule Eligibility);
