using System.Buffers;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;

namespace ExamPortal.Domain.Payments;

// 缴费凭证: one bank receipt with what the payer claims about it, for one registration (个人缴费) or for
// several of one institution in one batch (机构缴费). Finance confirms or returns it as a whole; a returned
// payment stays returned and the payer submits a new one. The registrations move with it, each recording
// the step in its own history, so a registration never says 待确认 without a payment that lists it.
public sealed class Payment
{
    public const int PayerNameMaxLength = 100;
    public const int SerialMaxLength = 40;
    public const int RemarkMaxLength = 300;

    private static readonly SearchValues<char> SerialCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    // For EF Core; a payment starts only through Submit.
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public RegistrationChannel Channel { get; private set; }

    public string? CandidateUserId { get; private set; }

    public int? InstitutionId { get; private set; }

    public int BatchId { get; private set; }

    public IReadOnlyList<Guid> RegistrationIds { get; private set; } = [];

    public Guid ReceiptFileId { get; private set; }

    public string PayerName { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    // The sum of the fees of the registrations paid for, fixed when submitted.
    public decimal ExpectedAmount { get; private set; }

    public int HeadCount { get; private set; }

    public DateOnly TransferDate { get; private set; }

    // Normalised (upper case, no spaces), so that the same serial typed twice is recognised.
    public string BankSerialNumber { get; private set; } = string.Empty;

    public bool PaidByOther { get; private set; }

    // The remark the announcement requires on the receipt: 代缴 for individuals, exam date and head count for institutions.
    public string? Remark { get; private set; }

    public PaymentStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string SubmittedByUserId { get; private set; } = string.Empty;

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string? ReturnReason { get; private set; }

    // PostgreSQL's xmin, for optimistic concurrency; set by the database only.
    public uint Version { get; private set; }

    public static string NormalizeSerial(string? raw) => InputText.Normalize(raw);

    // The remark an individual's receipt carries when someone else paid, built from the form.
    public static string ProxyRemark(PaymentLine line, PaymentClaim claim, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(schedule);
        return PaymentRemark.ForProxy(claim.PayerName, line.Registration.Details?.FullName ?? string.Empty, schedule.ExamDate, line.ProjectName, claim.Amount);
    }

    public static decimal Expected(IEnumerable<PaymentLine> lines) => (lines ?? []).Sum(l => l.Fee);

    /// <summary>
    /// Submits a receipt for the lines, all of one batch and one payer. remarkConfirmed: the payer confirmed
    /// that the receipt carries the remark shown (required when someone else paid an individual's fee).
    /// </summary>
    public static Payment Submit(
        Guid id, IReadOnlyList<PaymentLine> lines, PaymentClaim claim, Guid receiptFileId, bool remarkConfirmed,
        Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        if (id == Guid.Empty || receiptFileId == Guid.Empty)
        {
            throw new ArgumentException("缴费编号和回单文件不能为空");
        }

        if (lines.Count == 0)
        {
            throw new DomainRuleException("请至少选择一名需要缴费的考生");
        }

        var first = lines[0].Registration;
        if (lines.Select(l => l.Registration.Id).Distinct().Count() != lines.Count)
        {
            throw new DomainRuleException("同一名考生不能在一张回单中出现两次");
        }

        if (lines.Any(l => l.Registration.BatchId != first.BatchId))
        {
            throw new DomainRuleException("一张回单只能缴纳同一批次考生的费用，请按批次分别缴费");
        }

        if (lines.Any(l => l.Registration.Channel != first.Channel || l.Registration.InstitutionId != first.InstitutionId))
        {
            throw new DomainRuleException("一张回单只能缴纳同一报名机构的考生的费用");
        }

        if (first.Channel == RegistrationChannel.Individual && lines.Count > 1)
        {
            throw new DomainRuleException("个人缴费一张回单只对应一项报名");
        }

        foreach (var line in lines)
        {
            if (line.Registration.PaymentSubmitRefusal(by, at, schedule) is { } refusal)
            {
                var who = lines.Count > 1 ? $"{line.Registration.Details?.FullName}：" : string.Empty;
                throw new DomainRuleException(who + refusal);
            }
        }

        var payer = (claim.PayerName ?? string.Empty).Trim();
        var serial = NormalizeSerial(claim.BankSerialNumber);
        var expected = Expected(lines);
        var day = ChinaTime.DateOf(at);
        Require(ClaimRefusal(payer, claim.Amount, serial, claim.TransferDate, day, schedule));
        if (claim.Amount != expected)
        {
            var basis = lines.Count > 1 ? $"{lines.Count}人应缴合计" : "应缴考核费";
            throw new DomainRuleException(
                $"转账金额{Money.Yuan(claim.Amount)}与{basis}{Money.Yuan(expected)}不一致，请核对回单上的转账金额{(lines.Count > 1 ? "或所选考生" : string.Empty)}");
        }

        string? remark;
        if (first.Channel == RegistrationChannel.Institution)
        {
            remark = PaymentRemark.ForInstitution(schedule.ExamDate, lines.Count);
        }
        else if (claim.PaidByOther)
        {
            var candidate = first.Details?.FullName ?? string.Empty;
            if (payer == candidate)
            {
                throw new DomainRuleException("选择了“他人代缴”，但付款人与考生姓名相同；本人缴费请选择“本人缴费”，他人代缴请填写代缴人的姓名");
            }

            remark = ProxyRemark(lines[0], claim with { PayerName = payer }, schedule);
            Require(remarkConfirmed ? null : "他人代缴须在银行回单上备注系统生成的说明，请核对备注内容并勾选确认");
        }
        else
        {
            var candidate = first.Details?.FullName ?? string.Empty;
            Require(payer == candidate
                ? null
                : $"付款人“{payer}”与考生姓名“{candidate}”不一致：本人缴费请填写回单上的付款人姓名；如由他人代缴，请选择“他人代缴”并按要求备注");
            remark = null;
        }

        var payment = new Payment
        {
            Id = id,
            Channel = first.Channel,
            CandidateUserId = first.CandidateUserId,
            InstitutionId = first.InstitutionId,
            BatchId = first.BatchId,
            RegistrationIds = [.. lines.Select(l => l.Registration.Id)],
            ReceiptFileId = receiptFileId,
            PayerName = payer,
            Amount = claim.Amount,
            ExpectedAmount = expected,
            HeadCount = lines.Count,
            TransferDate = claim.TransferDate,
            BankSerialNumber = serial,
            PaidByOther = first.Channel == RegistrationChannel.Individual && claim.PaidByOther,
            Remark = remark,
            Status = PaymentStatus.Submitted,
            SubmittedAt = at.ToUniversalTime(),
            SubmittedByUserId = by.UserId,
        };
        var note = $"转账金额{Money.Yuan(claim.Amount)}，流水号{serial}";
        foreach (var line in lines)
        {
            line.Registration.SubmitPayment(id, by, at, schedule, note);
        }

        return payment;
    }

    public bool CanDecide(Actor by, DateTimeOffset at, BatchSchedule schedule) => DecisionRefusal(by, at, schedule) is null;

    /// <summary>确认收费. Idempotent: confirming a confirmed payment changes nothing and returns false.</summary>
    public bool Confirm(IReadOnlyList<Registration> registrations, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        if (Status == PaymentStatus.Confirmed)
        {
            return false;
        }

        Require(DecisionRefusal(by, at, schedule));
        Status = PaymentStatus.Confirmed;
        DecidedAt = at.ToUniversalTime();
        DecidedByUserId = by.UserId;
        var note = $"转账金额{Money.Yuan(Amount)}，流水号{BankSerialNumber}";
        foreach (var registration in Waiting(registrations))
        {
            registration.ConfirmPayment(Id, by, at, note);
        }

        return true;
    }

    // Returned with a reason; the payer may submit a new receipt while the payment window is open.
    public void ReturnToPayer(IReadOnlyList<Registration> registrations, Actor by, DateTimeOffset at, BatchSchedule schedule, string reason)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        Require(DecisionRefusal(by, at, schedule));
        var text = string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("请填写退回原因，告诉缴费人需要改正什么") : reason.Trim();
        if (text.Length > Registration.ReasonMaxLength)
        {
            throw new DomainRuleException($"退回原因不能超过{Registration.ReasonMaxLength}字，请精简");
        }

        Status = PaymentStatus.Returned;
        ReturnReason = text;
        DecidedAt = at.ToUniversalTime();
        DecidedByUserId = by.UserId;
        foreach (var registration in Waiting(registrations))
        {
            registration.ReturnPayment(Id, by, at, text);
        }
    }

    private IEnumerable<Registration> Waiting(IReadOnlyList<Registration> registrations) =>
        registrations.Where(r => RegistrationIds.Contains(r.Id) && r.AwaitsDecisionOn(Id));

    private string? DecisionRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        var deadline = Registration.PaymentDecisionDeadline(schedule);
        return by.Role != Role.CentreFinance ? "只有省职鉴中心财务人员可以确认或退回缴费"
            : Status != PaymentStatus.Submitted ? $"该缴费已是“{PaymentStatuses.DisplayName(Status)}”，不能再处理"
            : ChinaTime.DateOf(at) > deadline ? $"缴费确认已于{ChineseText.Date(deadline)}截止（打印准考证开始前一日），不能再处理"
            : null;
    }

    private static string? ClaimRefusal(string payer, decimal amount, string serial, DateOnly transferDate, DateOnly today, BatchSchedule schedule) =>
        payer.Length == 0 ? "请填写付款人名称（与银行回单一致）"
        : payer.Length > PayerNameMaxLength ? $"付款人名称不能超过{PayerNameMaxLength}字"
        : amount <= 0 ? "请填写转账金额（与银行回单一致）"
        : !Money.HasWholeFen(amount) ? "转账金额最多保留两位小数（精确到分），请核对"
        : serial.Length == 0 ? "请填写银行交易流水号（回单上的流水号或交易序号）"
        : serial.Length < 6 || serial.Length > SerialMaxLength || serial.AsSpan().ContainsAnyExcept(SerialCharacters)
            ? $"银行交易流水号应为6至{SerialMaxLength}位字母或数字，请按回单填写"
        : transferDate > today ? "转账日期不能晚于今天，请按回单填写"
        : transferDate < schedule.Registration.Start ? $"转账日期早于本批次报名开始日期（{ChineseText.Date(schedule.Registration.Start)}），请核对回单"
        : null;

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
