using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// 暂停报名机构: while suspended an institution may sign in and read, but submits nothing to the centre and pays
// nothing. The reason is required because the institution is shown it on every page and every refusal.
public static class InstitutionSuspension
{
    public const int ReasonMaxLength = 500;

    public static string Refusal(string? reason) =>
        $"本机构已被省职鉴中心暂停，暂停期间不能向中心提交考生或缴费，原因：{reason}。如有疑问请联系省职鉴中心。";

    public static string Banner(string? reason) =>
        $"本机构已被省职鉴中心暂停：可以登录查看，但不能向中心提交考生或缴费。原因：{reason}";

    /// <summary>The reason as it is stored: trimmed, required, at most <see cref="ReasonMaxLength"/> characters.</summary>
    public static string RequireReason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainRuleException("请填写暂停的原因，该原因会显示给报名机构");
        }

        if (text.Length > ReasonMaxLength)
        {
            throw new DomainRuleException($"暂停原因不能超过{ReasonMaxLength}字，当前{text.Length}字");
        }

        return text;
    }
}
