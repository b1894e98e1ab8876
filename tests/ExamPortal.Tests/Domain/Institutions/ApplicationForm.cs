using ExamPortal.Domain.Institutions;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Institutions;

// A complete, valid application form; tests change one field with `with` and submit.
internal sealed record ApplicationForm
{
    public static readonly DateTimeOffset SubmittedAt = Instant("2026-02-02T09:30:00+08:00");

    public Guid Id { get; init; } = Guid.Parse("0195c2a0-0000-7000-8000-000000000001");

    public string Name { get; init; } = "成都数智职业技能培训有限公司";

    public string? CreditCode { get; init; } = "91510107MA6CAQW8XN";

    public bool ConfirmCheckMismatch { get; init; }

    public InstitutionType Type { get; init; } = InstitutionType.Enterprise;

    public string Address { get; init; } = "四川省成都市武侯区人民南路四段1号";

    public string ContactPerson { get; init; } = "李四";

    public string ContactPhone { get; init; } = "028-86156861";

    public string ContactEmail { get; init; } = "lisi@example.com";

    public InstitutionApplication Submit() =>
        InstitutionApplication.Submit(
            Id, Name, CreditCode, ConfirmCheckMismatch, Type, Address, ContactPerson, ContactPhone, ContactEmail, SubmittedAt);

    public InstitutionApplicationInvalidException Refused() =>
        Assert.Throws<InstitutionApplicationInvalidException>(() => Submit());
}
