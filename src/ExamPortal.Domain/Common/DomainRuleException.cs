namespace ExamPortal.Domain.Common;

// Not sealed: specific rule violations derive from it so callers can catch them all in one place.
// The message is shown to the user as is, so it is Chinese and says what to change.
public class DomainRuleException(string message) : Exception(message);
