using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Registrations;

// Section 四: 每个专项职业能力考核计划（批次）报名人数不足10人时，原则上不予组织考核. "原则上" makes the
// cancellation a centre decision with a reason, never automatic; the portal counts and flags.
public static class PlanViability
{
    public const int MinimumRegistrants = 10;

    // Registrations that still count towards a plan once registration has closed: submitted and onwards.
    // Drafts never submitted and ended registrations do not.
    public static IReadOnlyList<RegistrationStatus> CountedStatuses { get; } =
    [
        RegistrationStatus.Submitted, RegistrationStatus.Returned, RegistrationStatus.Approved,
        RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentReturned, RegistrationStatus.PaymentConfirmed,
        RegistrationStatus.TicketIssued,
    ];

    public static bool IsUnderMinimum(int registrants) => registrants < MinimumRegistrants;

    // Counts are meaningful once the registration window has closed; the plan can be cancelled until its exam day.
    public static bool IsCountFinal(DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ChinaTime.DateOf(at) > schedule.Registration.End;
    }

    public static string? CancellationRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule, int registrants, bool alreadyCancelled, string? reason)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        var day = ChinaTime.DateOf(at);
        return by.Role != Role.CentreAdmin ? "只有省职鉴中心管理员可以取消考核计划"
            : alreadyCancelled ? "该考核计划已取消"
            : !IsCountFinal(at, schedule) ? $"报名截止（{ChineseText.Date(schedule.Registration.End)}）后才能根据报名人数决定是否取消考核计划"
            : day >= schedule.ExamDate ? "考核日期已到，不能再取消该考核计划"
            : !IsUnderMinimum(registrants) ? $"该考核计划有{registrants}人报名，已达{MinimumRegistrants}人，按公告应组织考核，不能取消"
            : string.IsNullOrWhiteSpace(reason) ? "请填写取消原因，考生和报名机构会收到这一说明"
            : reason.Trim().Length > Registration.ReasonMaxLength ? $"取消原因不能超过{Registration.ReasonMaxLength}字，请精简"
            : null;
    }
}
