namespace ExamPortal.Domain.Registrations;

// The two channels of section 四: through an approved institution, or by the candidate (pilot).
public enum RegistrationChannel
{
    Individual,
    Institution,
}
