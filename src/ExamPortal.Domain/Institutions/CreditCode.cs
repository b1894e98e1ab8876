using System.Buffers;
using System.Globalization;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// 统一社会信用代码, GB 32100-2015: position 1 registration authority, 2 organisation type, 3–8 administrative
// division, 9–17 organisation code, 18 check character. Positions 1–2 are not checked against a list: the
// code tables have been extended since 2015, and a typo there is caught by the check character anyway.
public static class CreditCode
{
    public const int Length = 18;

    public const string CheckMismatchWarning =
        "校验位与计算结果不符。部分早期赋码的代码确实如此；如确认与营业执照一致，请勾选确认后提交";

    // The standard leaves out I, O, Z, S and V because they are easily read as 1, 0, 2, 5 and U.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static CreditCodeCheck Check(string? raw)
    {
        var value = InputText.Normalize(raw);
        var refusal = ShapeRefusal(value);
        if (refusal is not null)
        {
            return new CreditCodeCheck(CreditCodeVerdict.Malformed, value, refusal);
        }

        return value[^1] == CheckCharacter(value)
            ? new CreditCodeCheck(CreditCodeVerdict.Valid, value, null)
            : new CreditCodeCheck(CreditCodeVerdict.CheckCharacterMismatch, value, CheckMismatchWarning);
    }

    // Length first: when characters are missing or extra, positions mean nothing yet.
    private static string? ShapeRefusal(string value)
    {
        if (value.Length == 0)
        {
            return "请填写统一社会信用代码（营业执照或登记证书上的18位代码）";
        }

        if (value.Length != Length)
        {
            return $"统一社会信用代码应为18位，您输入了{value.Length}位，请对照营业执照核对";
        }

        var wrong = new List<string>();
        for (var i = 0; i < value.Length; i++)
        {
            if (!AlphabetValues.Contains(value[i]))
            {
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"第{i + 1}位“{value[i]}”"));
            }
        }

        if (wrong.Count > 0)
        {
            return $"{ChineseText.List(wrong)}不是统一社会信用代码使用的字符。代码只由数字和大写字母组成，且不含字母I、O、Z、S、V，请对照营业执照核对";
        }

        return value.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9')
            ? "统一社会信用代码第3–8位是行政区划代码，应为6位数字，请对照营业执照核对"
            : null;
    }

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Alphabet.IndexOf(value[i], StringComparison.Ordinal) * Weights[i];
        }

        // 31 − 0 is 31, which the standard writes as 0.
        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
