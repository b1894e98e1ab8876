namespace ExamPortal.Tests.Domain.Registrations;

// Entry point for builders: A.Registration().Submitted().Returned().Build().
internal static class A
{
    public static RegistrationBuilder Registration() => new();
}
