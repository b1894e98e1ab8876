using ExamPortal.Domain.People;

namespace ExamPortal.Tests.Domain.Registrations;

// Resident ID numbers for any birth date, so that builders can set a candidate's age; checked against
// the hand-worked numbers of IdentityNumberTests in RegistrationBuilderTests.
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string ResidentIdCard(DateOnly birthDate, Gender gender, string region = "510107", string order = "00")
    {
        var body = $"{region}{birthDate:yyyyMMdd}{order}{(gender == Gender.Male ? 1 : 2)}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
