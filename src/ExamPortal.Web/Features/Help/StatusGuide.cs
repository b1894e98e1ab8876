using ExamPortal.Domain.Registrations;

namespace ExamPortal.Web.Features.Help;

/// <summary>A registration status as 报名历史 shows it, with what it means for the registrant and what to do.</summary>
public sealed record StatusExplanation(RegistrationStatus Status, string DisplayName, string Meaning);

/// <summary>
/// What each registration status means, for 常见问题. Every status is listed, in the order a registration
/// passes through them, under the name <see cref="RegistrationStatuses.DisplayName"/> gives it, so the
/// page never explains a word the portal does not show.
/// </summary>
public static class StatusGuide
{
    public static IReadOnlyList<StatusExplanation> All { get; } =
    [
        .. new[]
        {
            RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Returned, RegistrationStatus.ReturnExpired,
            RegistrationStatus.Rejected, RegistrationStatus.Approved, RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentReturned,
            RegistrationStatus.PaymentConfirmed, RegistrationStatus.Abandoned, RegistrationStatus.TicketIssued, RegistrationStatus.Cancelled,
        }
        .Concat(Enum.GetValues<RegistrationStatus>())
        .Distinct()
        .Select(s => new StatusExplanation(s, RegistrationStatuses.DisplayName(s), Meaning(s))),
    ];

    public static string Meaning(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Draft => "报名尚未提交：信息或材料还没有填完，或还没有点击“提交报名”。须在报名期结束前提交。",
        RegistrationStatus.Submitted => "已提交，等待审核。机构报名的考生，是报名机构初审通过并提交后等待省职鉴中心复审。",
        RegistrationStatus.Returned => "审核人员退回，须在审核期结束前按退回原因修改并重新提交。",
        RegistrationStatus.ReturnExpired => "退回后未在审核期内提交修改，不再受理该报名。",
        RegistrationStatus.Rejected => "审核不通过即为报名失败，不再受理该报名；原因见报名详情。",
        RegistrationStatus.Approved => "资格审核通过，请在缴费日期内缴费并上传银行回单（缴费状态为“待缴费”）。",
        RegistrationStatus.PaymentSubmitted => "银行回单已提交，等待省职鉴中心确认收费。请勿重复缴费。",
        RegistrationStatus.PaymentReturned => "缴费凭证被退回，须在缴费期内按退回原因改正后重新提交。",
        RegistrationStatus.PaymentConfirmed => "省职鉴中心已确认收费，报名缴费成功；此后报名信息不予修改。",
        RegistrationStatus.Abandoned => "未在缴费期内完成缴费，视为放弃报考，不予核发准考证。",
        RegistrationStatus.TicketIssued => "准考证已发放，请在打印准考证时间内下载并用A4纸打印。",
        RegistrationStatus.Cancelled => "该考核计划报名人数不足，取消考核；可按报名详情的提示转入后续批次。",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的报名状态"),
    };
}
