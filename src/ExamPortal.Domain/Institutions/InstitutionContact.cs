using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;

namespace ExamPortal.Domain.Institutions;

// An institution's contact phone and the e-mail that becomes a staff login. Kept apart from the application
// so that editing an institution's details or adding a colleague later checks them by the same rule.
public static class InstitutionContact
{
    // The same lengths as the application's and the institution's columns; Identity's login column (256) is longer.
    public const int PhoneMaxLength = 20;

    public const int EmailMaxLength = 100;

    private const int LandlineMinDigits = 7;

    private static readonly SearchValues<char> LandlineCharacters = SearchValues.Create("0123456789-");

    // A mobile number, or a landline as offices write it ("028-86156861", "02886156861", "400-123-4567").
    public static bool TryNormalizePhone(string? raw, out string normalized, [NotNullWhen(false)] out string? error)
    {
        if (MobileNumber.TryNormalize(raw, out normalized, out var mobileError))
        {
            error = null;
            return true;
        }

        var value = InputText.Normalize(raw);

        // Mainland landlines never start with 1 (area codes start with 0, local numbers with 2–9), so a number
        // that does is a mobile number typed wrongly, and the mobile rule says best what is wrong with it.
        error = value switch
        {
            "" => "请填写联系电话（手机号码，或带区号的座机号码如028-86156861）",
            _ when value[0] == '1' => mobileError,
            _ when value.AsSpan().ContainsAnyExcept(LandlineCharacters) => "联系电话只能包含数字和“-”，请去掉其他字符（座机号码如028-86156861）",
            { Length: > PhoneMaxLength } => $"联系电话不能超过{PhoneMaxLength}位，您输入了{value.Length}位",
            _ when value.Count(char.IsAsciiDigit) < LandlineMinDigits =>
                $"座机号码至少应有{LandlineMinDigits}位数字，请连同区号填写，如028-86156861",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        normalized = value;
        return true;
    }

    // A simple check that catches slips (a full-width ＠, a missing dot); whether the address works is
    // proved when the first staff member signs in with it.
    public static bool TryNormalizeEmail(string? raw, out string normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = string.Empty;
        var value = raw?.Trim() ?? string.Empty;
        error = value switch
        {
            "" => "请填写电子邮箱，它将作为本机构第一个经办人账号的登录名",
            { Length: > EmailMaxLength } => $"电子邮箱不能超过{EmailMaxLength}个字符，您输入了{value.Length}个",
            _ when value.AsSpan().ContainsAnyExceptInRange('!', '~') =>
                "电子邮箱只能包含英文字母、数字和半角符号，请检查是否混入了空格、中文或全角字符（如“＠”“．”）",
            _ when !HasMailShape(value) => "电子邮箱格式不正确，应形如 name@example.com，请核对",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        normalized = value;
        return true;
    }

    private static bool HasMailShape(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
