using System.Globalization;
using System.Text;

namespace ExamPortal.Domain.Certificates;

// 证书编号: prefix (configurable, default "SC") + year of issue + 10 random Crockford base-32 characters,
// e.g. SC2026K7M2Q9XA4T. Opaque on purpose: it says nothing about the person or the order of issue, and with
// 50 random bits nobody finds a valid number by trying. Uniqueness is the database's unique index; a clash
// (about one in a quadrillion per pair) is retried with fresh bytes (docs/glossary.md).
public static class CertificateNumber
{
    public const string DefaultPrefix = "SC";
    public const int RandomLength = 10;
    public const int RandomBytes = 7;
    public const int MaxLength = 32;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Create(string prefix, int year, ReadOnlySpan<byte> random)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (random.Length < RandomBytes)
        {
            throw new ArgumentException($"需要{RandomBytes}个随机字节", nameof(random));
        }

        if (prefix.Length > MaxLength - 4 - RandomLength || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"证书编号前缀只能是字母或数字，且不超过{MaxLength - 4 - RandomLength}个字符", nameof(prefix));
        }

        ulong bits = 0;
        for (var i = 0; i < RandomBytes; i++)
        {
            bits = (bits << 8) | random[i];
        }

        var text = new StringBuilder(prefix.ToUpperInvariant()).Append(year.ToString("D4", CultureInfo.InvariantCulture));
        for (var i = RandomLength - 1; i >= 0; i--)
        {
            text.Append(Alphabet[(int)((bits >> (5 * i)) & 31)]);
        }

        return text.ToString();
    }

    // What people type: case, spaces and hyphens do not matter.
    public static string Normalize(string? input) =>
        new string((input ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
