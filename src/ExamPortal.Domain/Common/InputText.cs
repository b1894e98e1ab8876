using System.Text;

namespace ExamPortal.Domain.Common;

// Chinese input methods often leave full-width digits, letters and spaces in numbers people type.
internal static class InputText
{
    public static string Normalize(string? raw)
    {
        if (raw is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(ToHalfWidth(c));
        }

        return builder.ToString().ToUpperInvariant();
    }

    private static char ToHalfWidth(char c) => c switch
    {
        >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => (char)(c - 0xFEE0),
        '\uFF0B' => '+',
        '\uFF0D' => '-',
        _ => c,
    };
}
