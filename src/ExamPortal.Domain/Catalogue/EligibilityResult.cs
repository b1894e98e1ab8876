namespace ExamPortal.Domain.Catalogue;

// MatchedPath is the path on which the applicant qualifies, set only when eligible.
// Problems are Chinese sentences, each naming a rule that is not met and what to change.
public sealed record EligibilityResult(bool IsEligible, EligibilityPath? MatchedPath, IReadOnlyList<string> Problems);
