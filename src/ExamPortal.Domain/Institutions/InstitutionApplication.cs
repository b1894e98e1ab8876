using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Institutions;

// 报名机构申请: an organisation asks the centre to become a registration institution (section 四（一）1 of the
// announcement). Submitted without an account; a centre administrator approves or rejects it, and on approval
// the web creates the institution and its first staff account (ContactEmail) and links it here. Status changes
// only through the methods below, one per transition; each adds one history entry, which the web saves in the
// same SaveChanges as the change. Instants are kept in UTC, as PostgreSQL stores them. Whether the credit code
// is already taken is a question for the database (a unique index), not for this class.
public sealed class InstitutionApplication
{
    // The same lengths as the institution's columns, so an approved application always fits.
    public const int NameMaxLength = 200;

    public const int AddressMaxLength = 300;

    public const int ContactPersonMaxLength = 50;

    public const int ReasonMaxLength = 1000;

    private const string CheckMismatchConfirmedNote = "申请人确认统一社会信用代码与营业执照一致（校验位与计算结果不符）";

    private readonly List<InstitutionApplicationEvent> _history = [];

    // For EF Core; an application starts only through Submit.
    private InstitutionApplication()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    // Normalised: upper case, no spaces, ASCII.
    public string CreditCode { get; private set; } = string.Empty;

    // The applicant confirmed a code whose check character does not match; true only then, so reviewers
    // know to compare it with the licence.
    public bool CreditCodeCheckConfirmed { get; private set; }

    public InstitutionType Type { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public string ContactPerson { get; private set; } = string.Empty;

    // A mobile number (11 digits) or a landline as typed ("028-86156861").
    public string ContactPhone { get; private set; } = string.Empty;

    // The login of the institution's first staff account.
    public string ContactEmail { get; private set; } = string.Empty;

    public InstitutionApplicationStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string? RejectReason { get; private set; }

    // Set once the web has created the institution for an approved application.
    public int? InstitutionId { get; private set; }

    public IReadOnlyList<InstitutionApplicationEvent> History => _history.AsReadOnly();

    // PostgreSQL's xmin, for optimistic concurrency; set by the database only.
    public uint Version { get; private set; }

    // Collects every problem before refusing, so the applicant fixes the form in one go.
    public static InstitutionApplication Submit(
        Guid id, string name, string? creditCode, bool confirmCheckMismatch, InstitutionType type, string address,
        string contactPerson, string contactPhone, string contactEmail, DateTimeOffset at)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("申请编号不能为空", nameof(id));
        }

        var problems = new OrderedDictionary<string, string>();
        var cleanName = RequiredText(name, "机构名称", "请填写机构名称，与营业执照或登记证书上的名称一致", NameMaxLength, nameof(Name), problems);

        // A check-character mismatch is only a warning: the applicant's confirmation lets it through.
        var code = Institutions.CreditCode.Check(creditCode);
        var mismatchConfirmed = code.Verdict == CreditCodeVerdict.CheckCharacterMismatch && confirmCheckMismatch;
        if (code.Message is not null && !mismatchConfirmed)
        {
            problems[nameof(CreditCode)] = code.Message;
        }

        if (!Enum.IsDefined(type))
        {
            problems[nameof(Type)] = "请从列表中选择机构类型";
        }

        var cleanAddress = RequiredText(address, "机构地址", "请填写机构地址", AddressMaxLength, nameof(Address), problems);
        var cleanPerson = RequiredText(contactPerson, "联系人", "请填写联系人姓名", ContactPersonMaxLength, nameof(ContactPerson), problems);
        if (!InstitutionContact.TryNormalizePhone(contactPhone, out var phone, out var phoneError))
        {
            problems[nameof(ContactPhone)] = phoneError;
        }

        if (!InstitutionContact.TryNormalizeEmail(contactEmail, out var email, out var emailError))
        {
            problems[nameof(ContactEmail)] = emailError;
        }

        if (problems.Count > 0)
        {
            throw new InstitutionApplicationInvalidException(problems);
        }

        var application = new InstitutionApplication
        {
            Id = id,
            Name = cleanName,
            CreditCode = code.Normalized,
            CreditCodeCheckConfirmed = mismatchConfirmed,
            Type = type,
            Address = cleanAddress,
            ContactPerson = cleanPerson,
            ContactPhone = phone,
            ContactEmail = email,
            Status = InstitutionApplicationStatus.Pending,
            SubmittedAt = at.ToUniversalTime(),
        };
        application._history.Add(InstitutionApplicationEvent.Record(
            id, null, InstitutionApplicationStatus.Pending, InstitutionApplicationEvent.AnonymousUserId, null, at,
            mismatchConfirmed ? CheckMismatchConfirmedNote : null));
        return application;
    }

    // Approve and Reject share this guard: a centre administrator, and an application still pending.
    public bool CanDecide(Actor by) => DecideRefusal(by) is null;

    public void Approve(Actor by, DateTimeOffset at)
    {
        Require(DecideRefusal(by));
        Decide(InstitutionApplicationStatus.Approved, by, at, null);
    }

    public void Reject(Actor by, DateTimeOffset at, string reason)
    {
        Require(DecideRefusal(by));
        var text = string.IsNullOrWhiteSpace(reason)
            ? throw new DomainRuleException("请填写未同意的原因，申请单位将据此了解情况或修改后重新申请")
            : reason.Trim();
        if (text.Length > ReasonMaxLength)
        {
            throw new DomainRuleException($"未同意的原因不能超过{ReasonMaxLength}字，请精简");
        }

        RejectReason = text;
        Decide(InstitutionApplicationStatus.Rejected, by, at, text);
    }

    // Not a status change, so no history entry: the approval entry already records the decision.
    public void LinkInstitution(int institutionId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(institutionId);
        if (Status != InstitutionApplicationStatus.Approved)
        {
            throw new DomainRuleException(
                $"只有“{InstitutionApplicationStatuses.DisplayName(InstitutionApplicationStatus.Approved)}”的申请可以关联报名机构，这份申请当前为“{InstitutionApplicationStatuses.DisplayName(Status)}”");
        }

        if (InstitutionId is not null)
        {
            throw new DomainRuleException("这份申请已关联报名机构，不能再次关联");
        }

        InstitutionId = institutionId;
    }

    private string? DecideRefusal(Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Role != Role.CentreAdmin)
        {
            return "只有省职鉴中心管理员可以审核报名机构申请";
        }

        return Status == InstitutionApplicationStatus.Pending
            ? null
            : $"只有“{InstitutionApplicationStatuses.DisplayName(InstitutionApplicationStatus.Pending)}”的申请可以审核，这份申请当前为“{InstitutionApplicationStatuses.DisplayName(Status)}”";
    }

    private void Decide(InstitutionApplicationStatus to, Actor by, DateTimeOffset at, string? note)
    {
        DecidedAt = at.ToUniversalTime();
        DecidedByUserId = by.UserId;
        _history.Add(InstitutionApplicationEvent.Record(Id, Status, to, by.UserId, by.Role, at, note));
        Status = to;
    }

    // Trimmed; blank or too long becomes a problem on the field and the value is not used.
    private static string RequiredText(
        string? raw, string label, string whenBlank, int maxLength, string field, OrderedDictionary<string, string> problems)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems[field] = whenBlank;
        }
        else if (text.Length > maxLength)
        {
            problems[field] = $"{label}不能超过{maxLength}字，您输入了{text.Length}字，请精简";
        }

        return text;
    }

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
