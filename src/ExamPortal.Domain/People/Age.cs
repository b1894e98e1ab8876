namespace ExamPortal.Domain.People;

public static class Age
{
    // 法定劳动年龄: the Labour Law forbids employing anyone under 16.
    public const int LegalWorkingAge = 16;

    // Completed years. Someone born on 29 February becomes a year older on 1 March in a common year,
    // because 28 February still comes before their birthday.
    public static int On(DateOnly birthDate, DateOnly day)
    {
        if (day < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "计算年龄的日期早于出生日期，请核对出生日期");
        }

        var age = day.Year - birthDate.Year;
        return (day.Month, day.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0 ? age - 1 : age;
    }
}
