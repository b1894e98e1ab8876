using System.Diagnostics.CodeAnalysis;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.People;

// Mainland mobile numbers, as people paste them: "+86 138-1234-5678", full-width digits and so on.
public static class MobileNumber
{
    // Same rule everywhere: the first three and last four digits show.
    public static string Mask(string value) =>
        value.Length != 11 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(7));

    public static bool TryNormalize(string? raw, out string normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = string.Empty;
        var value = InputText.Normalize(raw).Replace("-", string.Empty, StringComparison.Ordinal);
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }
        else if (value.Length == 13 && value.StartsWith("86", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        error = value switch
        {
            "" => "请填写手机号码",
            _ when value.AsSpan().ContainsAnyExceptInRange('0', '9') => "手机号码只能包含数字，请去掉其他字符",
            { Length: not 11 } => $"手机号码应为11位数字，您输入了{value.Length}位",
            _ when value[0] != '1' => "手机号码应以1开头，请核对号码",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        normalized = value;
        return true;
    }
}
