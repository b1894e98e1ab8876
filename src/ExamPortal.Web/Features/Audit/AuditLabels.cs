using System.Reflection;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Administration;

namespace ExamPortal.Web.Features.Audit;

/// <summary>What the audit search shows for the stored English verbs and roles.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> TrailActions = new(StringComparer.Ordinal)
    {
        [AuditTrail.PaymentWindowExtended] = "延长缴费期限",
        [AuditTrail.PayeeAccountChanged] = "修改收款账户",
        [AuditTrail.ExamPlanCancelled] = "取消考核计划",
        [AuditTrail.TicketsIssued] = "发放准考证（批量）",
        [AuditTrail.ExamRoomsChanged] = "调整考场",
        [AuditTrail.ExamArrangementChanged] = "调整考核时间或考点",
        [AuditTrail.TicketsPrinted] = "打印准考证",
        [AuditTrail.ScoreRecorded] = "录入成绩",
        [AuditTrail.ScoreCorrected] = "更正成绩",
        [AuditTrail.ResultDatesChanged] = "修改成绩公布日期",
        [AuditTrail.ObjectionAnswered] = "答复成绩异议",
        [AuditTrail.CertificatesIssued] = "核发证书",
        [AuditTrail.CertificateCollected] = "登记证书领取",
        [AuditTrail.LedgerExported] = "导出证书台账",
        [AuditTrail.PasswordRecovered] = "找回密码",
        [AuditTrail.ContactChanged] = "修改联系方式",
        [AuditTrail.StaffPasswordReset] = "发送工作人员密码重置链接",
        [AuditTrail.OutboxRequeued] = "重新发送消息",
        [AuditTrail.SignInSucceeded] = "登录成功",
        [AuditTrail.SignInFailed] = "登录失败",
        [AuditTrail.SignInLockedOut] = "登录被拒绝（账户锁定或停用）",
        [AuditTrail.ListExported] = "导出列表",
        [AuditTrail.InstitutionSuspended] = "暂停报名机构",
        [AuditTrail.InstitutionReinstated] = "恢复报名机构",
        [AuditTrail.StaffCreated] = "新建工作人员账户",
        [AuditTrail.StaffRoleChanged] = "修改工作人员角色",
        [AuditTrail.StaffDisabled] = "停用账户",
        [AuditTrail.StaffEnabled] = "启用账户",
        [AuditTrail.ProjectChanged] = "修改考核项目",
        [AuditTrail.VenueChanged] = "修改考点或考场",
        [AuditTrail.VenueRoomsCopied] = "从考点复制考场",
        [AuditTrail.CalendarChanged] = "修改工作日历",
        [AuditTrail.BatchCreated] = "新建考核批次",
        [AuditTrail.BatchChanged] = "修改考核批次",
    };

    /// <summary>Every action of the audit trail (AuditTrail's constants, also those without a label yet).</summary>
    public static IReadOnlyList<string> TrailActionNames { get; } = Constants(typeof(AuditTrail))
        .Where(a => a is not (AuditTrail.AnonymousUserId or AuditTrail.AnonymousRole)).ToList();

    /// <summary>Every action of a registration's own history (RegistrationActions).</summary>
    public static IReadOnlyList<string> RegistrationActionNames { get; } = Constants(typeof(RegistrationActions));

    public static bool IsRegistrationAction(string action) => RegistrationActionNames.Contains(action, StringComparer.Ordinal);

    public static bool IsTrailAction(string action) => TrailActionNames.Contains(action, StringComparer.Ordinal);

    public static bool HasLabel(string action) => IsRegistrationAction(action) || TrailActions.ContainsKey(action);

    /// <summary>The action in Chinese; an action without a label yet shows as stored.</summary>
    public static string Action(string action) =>
        IsRegistrationAction(action) ? RegistrationActions.DisplayName(action) : TrailActions.GetValueOrDefault(action, action);

    /// <summary>The actor's role in Chinese; a registration event by the system has none.</summary>
    public static string Role(string? role) => role switch
    {
        null => "系统",
        AuditTrail.AnonymousRole => "未登录",
        _ => Enum.TryParse<Role>(role, out var parsed) ? Roles.DisplayName(parsed) : role,
    };

    private static List<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];
}
