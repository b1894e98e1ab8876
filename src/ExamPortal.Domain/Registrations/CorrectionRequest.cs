using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;

namespace ExamPortal.Domain.Registrations;

// 更正申请: after 确认收费 a registration is locked, and only a request the centre approves changes the
// registrant's name or identity number. The request keeps both sides; the registration's history records
// the request and the decision, with identity numbers masked.
public sealed class CorrectionRequest
{
    public const int FullNameMaxLength = 50;

    // For EF Core; a request starts only through Open.
    private CorrectionRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid RegistrationId { get; private set; }

    public string CurrentName { get; private set; } = string.Empty;

    public string CurrentIdNumber { get; private set; } = string.Empty;

    public string RequestedName { get; private set; } = string.Empty;

    public string RequestedIdNumber { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public CorrectionStatus Status { get; private set; }

    public string RequestedByUserId { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public uint Version { get; private set; }

    public static CorrectionRequest Open(Guid id, Registration registration, string? fullName, string? idNumber, string? reason, bool anotherPending, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(by);
        Require(Registration.OwnerRefusalFor(registration, by));
        Require(registration.IsLocked ? null : "只有已确认收费的报名需要提交更正申请；其他报名请在可修改期间直接修改");
        Require(anotherPending ? "本报名已有一份更正申请待处理，请等待省职鉴中心处理后再提交" : null);
        var currentName = registration.Details?.FullName ?? string.Empty;
        var name = string.IsNullOrWhiteSpace(fullName) ? currentName : fullName.Trim();
        var number = string.IsNullOrWhiteSpace(idNumber) ? registration.IdNumber : IdentityNumber.Normalize(idNumber);
        Require(name.Length > FullNameMaxLength ? $"姓名不能超过{FullNameMaxLength}字" : null);
        Require(name == currentName && number == registration.IdNumber ? "请填写更正后的姓名或证件号码（至少一项与现在不同）" : null);
        var parsed = IdentityNumber.Parse(registration.IdDocumentType, number);
        Require(parsed.IsValid ? null : $"更正后的证件号码有误：{parsed.Error}");
        var text = string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("请说明更正原因（例如：录入时把姓名写错）") : reason.Trim();
        Require(text.Length > Registration.ReasonMaxLength ? $"更正原因不能超过{Registration.ReasonMaxLength}字，请精简" : null);

        var request = new CorrectionRequest
        {
            Id = id,
            RegistrationId = registration.Id,
            CurrentName = currentName,
            CurrentIdNumber = registration.IdNumber,
            RequestedName = name,
            RequestedIdNumber = parsed.Number!.Value,
            Reason = text,
            Status = CorrectionStatus.Pending,
            RequestedByUserId = by.UserId,
            RequestedAt = at.ToUniversalTime(),
        };
        registration.RecordCorrection(RegistrationActions.CorrectionRequested, by, at, $"{request.Change()}；原因：{text}");
        return request;
    }

    // "姓名：张山→张三；证件号码：**************1234→**************1235", masked for the trail.
    public string Change()
    {
        var parts = new List<string>();
        if (RequestedName != CurrentName)
        {
            parts.Add($"姓名：{CurrentName}→{RequestedName}");
        }

        if (RequestedIdNumber != CurrentIdNumber)
        {
            parts.Add($"证件号码：{IdentityNumber.Mask(CurrentIdNumber)}→{IdentityNumber.Mask(RequestedIdNumber)}");
        }

        return string.Join("；", parts);
    }

    public void Approve(Registration registration, Actor by, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Require(DecisionRefusal(registration, by));
        Require(registration.IdNumber == CurrentIdNumber && (registration.Details?.FullName ?? string.Empty) == CurrentName
            ? null
            : "报名信息在申请提交后已有变化，请不予通过并请申请人重新提交");
        var number = IdentityNumber.Parse(registration.IdDocumentType, RequestedIdNumber).Number!;
        Decide(CorrectionStatus.Approved, by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        registration.ApplyCorrection(RequestedName, number, by, at, Change());
    }

    public void Refuse(Registration registration, Actor by, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Require(DecisionRefusal(registration, by));
        var text = string.IsNullOrWhiteSpace(note) ? throw new DomainRuleException("请填写不予更正的原因，申请人会看到这一说明") : note.Trim();
        Decide(CorrectionStatus.Refused, by, at, text);
        registration.RecordCorrection(RegistrationActions.CorrectionRefused, by, at, $"{Change()}；原因：{text}");
    }

    private void Decide(CorrectionStatus status, Actor by, DateTimeOffset at, string? note)
    {
        Require(note is { Length: > Registration.ReasonMaxLength } ? $"处理意见不能超过{Registration.ReasonMaxLength}字，请精简" : null);
        Status = status;
        DecidedByUserId = by.UserId;
        DecidedAt = at.ToUniversalTime();
        DecisionNote = note;
    }

    private string? DecisionRefusal(Registration registration, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return by.Role is not (Role.CentreReviewer or Role.CentreAdmin) ? "只有省职鉴中心审核人员可以处理更正申请"
            : registration.Id != RegistrationId ? "更正申请与报名不对应"
            : Status != CorrectionStatus.Pending ? "该更正申请已处理"
            : null;
    }

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
