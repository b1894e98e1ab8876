namespace ExamPortal.Domain.Common;

// China has kept UTC+08:00 all year since 1991, so a fixed offset is exact and avoids
// depending on the host's time zone database.
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    // Exclusive, so that "before EndOf(d)" covers every instant of d, including 23:59:59.999.
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));
}
