using System.Diagnostics.CodeAnalysis;

namespace ExamPortal.Domain.People;

public sealed class IdentityParseResult
{
    private IdentityParseResult(IdentityNumber? number, string? error)
    {
        Number = number;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Number))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Number is not null;

    public IdentityNumber? Number { get; }

    // Chinese, says what to change; shown next to the field.
    public string? Error { get; }

    internal static IdentityParseResult Valid(IdentityNumber number) => new(number, null);

    internal static IdentityParseResult Invalid(string error) => new(null, error);
}
