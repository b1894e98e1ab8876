namespace ExamPortal.Domain.Institutions;

public enum CreditCodeVerdict
{
    Valid,

    // A warning, not a refusal: some codes issued early on fail the check and are still what the licence says.
    CheckCharacterMismatch,

    Malformed,
}
