namespace ExamPortal.Domain.People;

// E-mail addresses as lists show them to staff: enough to tell two apart, not enough to write to.
public static class EmailAddress
{
    // "zhangsan@example.com" → "z***@example.com"; something that is not an address is hidden whole.
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.LastIndexOf('@');
        return at <= 0 || at == value.Length - 1 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 1), "***", value.AsSpan(at));
    }
}
