using System.Globalization;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Tickets;

namespace ExamPortal.Domain.Registrations;

// 报名: one person's application to one exam plan, from the draft to the centre's decision.
// Status changes only through the methods below, one per transition; each adds one history entry,
// which the web saves in the same SaveChanges as the change. Instants are kept in UTC, as PostgreSQL
// stores them; windows are judged on the date in China. Documents belong to the aggregate: load them
// with it, or MissingForSubmission and AttachDocument see an empty list.
public sealed class Registration
{
    // The longest reason or note a reviewer may write; the mapping uses the same length.
    public const int ReasonMaxLength = 1000;

    private readonly List<RegistrationEvent> _history = [];
    private readonly List<RegistrationDocument> _documents = [];

    // For EF Core; a registration starts only through StartDraft.
    private Registration()
    {
    }

    // The closing note of the announcement, shown wherever a paid registration refuses an edit.
    public const string LockedAfterPayment = "四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改";

    // 审核不通过, 逾期未修改, 已放弃 and 计划取消 are final and free the person to register again in the batch.
    public static IReadOnlyList<RegistrationStatus> NotLiveStatuses { get; } =
        [RegistrationStatus.Rejected, RegistrationStatus.ReturnExpired, RegistrationStatus.Abandoned, RegistrationStatus.Cancelled];

    // Approved and waiting for money: a receipt may be submitted (again) while the payment window is open.
    public static IReadOnlyList<RegistrationStatus> AwaitingPaymentStatuses { get; } =
        [RegistrationStatus.Approved, RegistrationStatus.PaymentReturned];

    // The fee is confirmed: 确认收费 and every state after it. A transfer carries the payment of any of them.
    public static IReadOnlyList<RegistrationStatus> PaidStatuses { get; } =
        [RegistrationStatus.PaymentConfirmed, RegistrationStatus.TicketIssued];

    public Guid Id { get; private set; }

    public string? CandidateUserId { get; private set; }

    // Institution channel only: when the institution's first review (初审) passed the applicant, and the
    // submission that sent it to the centre.
    public DateTimeOffset? FirstReviewPassedAt { get; private set; }

    public Guid? InstitutionSubmissionId { get; private set; }

    public RegistrationChannel Channel { get; private set; }

    public int? InstitutionId { get; private set; }

    public int ExamPlanId { get; private set; }

    public int BatchId { get; private set; }

    // The registrant's identity, fixed at creation from the account or the institution's row; normalised.
    public IdDocumentType IdDocumentType { get; private set; }

    public string IdNumber { get; private set; } = string.Empty;

    public RegistrationStatus Status { get; private set; }

    public PersonalDetails? Details { get; private set; }

    public IReadOnlyList<RegistrationDocument> Documents => _documents.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private set; }

    // The first submission; LastSubmittedAt moves on with each resubmission and orders the review queue.
    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? LastSubmittedAt { get; private set; }

    // When the current review outcome (approve, reject, return) was given; null while awaiting review.
    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? CommitmentAcceptedAt { get; private set; }

    // The integrity commitment exactly as it was shown when ticked.
    public string? CommitmentWording { get; private set; }

    // The outstanding return: set by Return, cleared by Resubmit. The history entry keeps both for the trail.
    public string? ReturnReason { get; private set; }

    public IReadOnlyList<string> ReturnedItems { get; private set; } = [];

    public string? RejectReason { get; private set; }

    // The payment that carries this registration's fee: the latest submitted, or the one a transfer carried over.
    public Guid? PaymentId { get; private set; }

    public DateTimeOffset? PaymentConfirmedAt { get; private set; }

    // Set when finance returns the receipt, cleared when a new one is submitted.
    public string? PaymentReturnReason { get; private set; }

    // Plan cancellation: why, the status it was in (which decides what a transfer may carry over), and the
    // registrations on either side of a transfer.
    public string? CancelReason { get; private set; }

    public RegistrationStatus? CancelledFrom { get; private set; }

    public Guid? TransferredToId { get; private set; }

    public Guid? TransferredFromId { get; private set; }

    public IReadOnlyList<RegistrationEvent> History => _history.AsReadOnly();

    // PostgreSQL's xmin, for optimistic concurrency; set by the database only.
    public uint Version { get; private set; }

    public bool IsLive => !NotLiveStatuses.Contains(Status);

    // After 确认收费 nothing the registrant entered changes except through an approved correction request.
    public bool IsLocked => PaidStatuses.Contains(Status);

    public bool IsPaid => PaidStatuses.Contains(Status);

    public static Registration StartDraft(
        Guid id, string? candidateUserId, RegistrationChannel channel, int? institutionId, int examPlanId, int batchId,
        IdDocumentType idType, string idNumber, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        // An institution's applicants have no account of their own: the institution acts for them.
        if ((channel == RegistrationChannel.Individual) == string.IsNullOrWhiteSpace(candidateUserId))
        {
            throw new ArgumentException("考生个人报名须关联考生账户，机构报名不关联考生账户", nameof(candidateUserId));
        }

        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        if (id == Guid.Empty)
        {
            throw new ArgumentException("报名编号不能为空", nameof(id));
        }

        if ((channel == RegistrationChannel.Institution) != institutionId.HasValue)
        {
            throw new ArgumentException("机构报名须指明报名机构，考生个人报名不能指明报名机构", nameof(institutionId));
        }

        Require(OwnerRefusal(channel, candidateUserId, by) ?? RegistrationWindowRefusal(at, schedule));
        var identity = IdentityNumber.Parse(idType, idNumber);
        if (!identity.IsValid)
        {
            throw new DomainRuleException(identity.Error);
        }

        var registration = new Registration
        {
            Id = id,
            CandidateUserId = candidateUserId,
            Channel = channel,
            InstitutionId = institutionId,
            ExamPlanId = examPlanId,
            BatchId = batchId,
            IdDocumentType = idType,
            IdNumber = identity.Number.Value,
            Status = RegistrationStatus.Draft,
            CreatedAt = at.ToUniversalTime(),
        };
        registration._history.Add(RegistrationEvent.Record(
            id, null, RegistrationStatus.Draft, by.UserId, by.Role, at, RegistrationActions.Created, null));
        return registration;
    }

    // A draft while registration is open; a returned registration until the review window ends
    // (退回修改的须在审核期内提交修改), including a return made before that window opened.
    public bool CanEdit(DateTimeOffset at, BatchSchedule schedule) => EditRefusal(at, schedule) is null;

    // Edits change the form, not the status, so they add no history entry; the submission that follows does.
    public void SaveDetails(PersonalDetails details, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireEditBy(by, at, schedule);

        var trimmed = details.Trimmed();
        if (!string.IsNullOrWhiteSpace(trimmed.Mobile))
        {
            if (!MobileNumber.TryNormalize(trimmed.Mobile, out var mobile, out var error))
            {
                throw new DomainRuleException(error);
            }

            trimmed = trimmed with { Mobile = mobile };
        }

        Require(IdentityMismatch(trimmed));
        Details = trimmed;
        FirstReviewPassedAt = null;
    }

    // An edit like SaveDetails (no history entry). A new file replaces the slot's previous one.
    public void AttachDocument(DocumentSlot slot, Guid fileId, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        if (!Enum.IsDefined(slot))
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "未知的材料类型");
        }

        if (fileId == Guid.Empty)
        {
            throw new ArgumentException("文件编号不能为空", nameof(fileId));
        }

        RequireEditBy(by, at, schedule);
        _documents.RemoveAll(d => d.Slot == slot);
        _documents.Add(RegistrationDocument.Attach(slot, fileId, at));

        // What the institution checked has changed: it checks again before submitting.
        FirstReviewPassedAt = null;
    }

    // An edit like SaveDetails (no history entry). The wording is kept verbatim: it is what was promised.
    public void AcceptCommitment(string wording, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wording);
        RequireEditBy(by, at, schedule);
        CommitmentWording = wording;
        CommitmentAcceptedAt = at.ToUniversalTime();
    }

    public RegistrationDocument? DocumentIn(DocumentSlot slot) => _documents.Find(d => d.Slot == slot);

    // What still stops submission, by the names the form uses; empty when complete. An institution's
    // applicant needs no address or proof type (the institution holds them) and no online commitment
    // (the institution's commitment is recorded at its submission), but must pass its first review.
    public IReadOnlyList<string> MissingForSubmission()
    {
        var individual = Channel == RegistrationChannel.Individual;
        var missing = new List<string>();
        if (Details is null)
        {
            missing.Add("个人信息");
        }
        else
        {
            missing.AddRange(Details.MissingFields(requireAddress: individual));
        }

        missing.AddRange(DocumentSlots.Required.Where(slot => DocumentIn(slot) is null).Select(DocumentSlots.DisplayName));
        if (individual && Details?.EducationProofCase is null)
        {
            missing.Add("学历或学籍证明类型");
        }

        if (individual && CommitmentAcceptedAt is null)
        {
            missing.Add("个人诚信承诺确认");
        }

        if (!individual && FirstReviewPassedAt is null)
        {
            missing.Add("机构初审");
        }

        return missing;
    }

    // Everything the first review needs: what submission needs, less the first review itself.
    public IReadOnlyList<string> MissingForFirstReview() => [.. MissingForSubmission().Where(item => item != "机构初审")];

    public bool CanPassFirstReview(Actor by, DateTimeOffset at, BatchSchedule schedule) => FirstReviewRefusal(by, at, schedule) is null;

    // The institution vouches for the applicant (双承诺制); the status does not change, the trail records it.
    public void PassFirstReview(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        Require(FirstReviewRefusal(by, at, schedule));
        FirstReviewPassedAt = at.ToUniversalTime();
        _history.Add(RegistrationEvent.Record(Id, Status, Status, by.UserId, by.Role, at, RegistrationActions.FirstReviewPassed, null));
    }

    public bool CanSubmitThroughInstitution(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule) =>
        InstitutionSubmitRefusal(by, at, schedule, rule) is null;

    // One applicant of an institution's submission: a draft is submitted, a returned one re-submitted, and
    // the institution's commitment is what this registration was submitted under.
    public void SubmitThroughInstitution(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule, Guid submissionId, string commitmentWording)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commitmentWording);
        Require(InstitutionSubmitRefusal(by, at, schedule, rule));
        InstitutionSubmissionId = submissionId;
        CommitmentWording = commitmentWording;
        CommitmentAcceptedAt = at.ToUniversalTime();
        if (Status == RegistrationStatus.Returned)
        {
            Resubmit(by, at, schedule, rule);
        }
        else
        {
            Submit(by, at, schedule, rule);
        }
    }

    public bool CanSubmit(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule) =>
        SubmitRefusal(by, at, schedule, rule) is null;

    public void Submit(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule)
    {
        Require(SubmitRefusal(by, at, schedule, rule));
        SubmittedAt = at.ToUniversalTime();
        LastSubmittedAt = SubmittedAt;
        MoveTo(RegistrationStatus.Submitted, by.UserId, by.Role, at, RegistrationActions.Submitted, null);
    }

    // Approve, Reject and Return share this guard: a centre reviewer, a submitted registration, and the
    // review window not yet over. Review may start before the window does, as soon as something is submitted.
    public bool CanReview(Actor by, DateTimeOffset at, BatchSchedule schedule) => ReviewRefusal(by, at, schedule) is null;

    public void Approve(Actor by, DateTimeOffset at, BatchSchedule schedule, string? note)
    {
        Require(ReviewRefusal(by, at, schedule));
        var text = string.IsNullOrWhiteSpace(note) ? null : Bounded(note.Trim());
        DecidedAt = at.ToUniversalTime();
        MoveTo(RegistrationStatus.Approved, by.UserId, by.Role, at, RegistrationActions.Approved, text);
    }

    // Final: the announcement says a rejected registration is not accepted again.
    public void Reject(Actor by, DateTimeOffset at, BatchSchedule schedule, string reason)
    {
        Require(ReviewRefusal(by, at, schedule));
        var text = RequiredReason(reason, "请填写审核不通过的原因");
        RejectReason = text;
        DecidedAt = at.ToUniversalTime();
        MoveTo(RegistrationStatus.Rejected, by.UserId, by.Role, at, RegistrationActions.Rejected, text);
    }

    public void Return(Actor by, DateTimeOffset at, BatchSchedule schedule, string reason, IReadOnlyList<string> items)
    {
        Require(ReviewRefusal(by, at, schedule));
        var text = RequiredReason(reason, "请填写退回修改的原因");
        string[] toChange = [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct()];
        if (toChange.Length == 0)
        {
            throw new DomainRuleException("请至少选择一项需要修改的信息或材料");
        }

        // The items go into the note too, so that the trail keeps them after Resubmit clears the current return.
        var note = $"{text}（须修改：{ChineseText.List(toChange)}）";
        if (note.Length > RegistrationEvent.NoteMaxLength)
        {
            throw new DomainRuleException($"退回原因和须修改项合计不能超过{RegistrationEvent.NoteMaxLength}字，请精简");
        }

        ReturnReason = text;
        ReturnedItems = toChange;
        DecidedAt = at.ToUniversalTime();
        MoveTo(RegistrationStatus.Returned, by.UserId, by.Role, at, RegistrationActions.Returned, note);
    }

    public bool CanResubmit(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule) =>
        ResubmitRefusal(by, at, schedule, rule) is null;

    // Back in the review queue as a fresh submission: the return it answers stays in the history only.
    public void Resubmit(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule)
    {
        Require(ResubmitRefusal(by, at, schedule, rule));
        LastSubmittedAt = at.ToUniversalTime();
        ReturnReason = null;
        ReturnedItems = [];
        DecidedAt = null;
        MoveTo(RegistrationStatus.Submitted, by.UserId, by.Role, at, RegistrationActions.Resubmitted, null);
    }

    // The guard of ExpireReturn: returned, and the review window is over in China.
    public bool IsReturnOverdue(DateTimeOffset at, BatchSchedule schedule) => ExpireRefusal(at, schedule) is null;

    // Done by the system once the review window has closed (未在规定时间内提交修改的，不再受理).
    public void ExpireReturn(DateTimeOffset at, BatchSchedule schedule)
    {
        Require(ExpireRefusal(at, schedule));
        MoveTo(RegistrationStatus.ReturnExpired, RegistrationEvent.SystemUserId, null, at, RegistrationActions.ReturnExpired,
            $"审核期（{Span(schedule.Review)}）内未提交修改");
    }

    // The last day finance may decide a receipt: the day before ticket printing opens. A receipt submitted in
    // the window is decided after it closes, so a finance delay never costs a candidate who paid on time.
    public static DateOnly PaymentDecisionDeadline(BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.TicketPrinting.Start.AddDays(-1);
    }

    public bool AwaitsPayment => AwaitingPaymentStatuses.Contains(Status);

    // Driven by Payment.Submit only, so a registration never says 待确认 without a payment that lists it.
    internal string? PaymentSubmitRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        return OwnerRefusal(Channel, CandidateUserId, by)
            ?? (AwaitsPayment ? null : $"只有“审核通过”或“缴费退回”的报名可以缴费，本报名当前为“{RegistrationStatuses.DisplayName(Status)}”")
            ?? PaymentWindowRefusal(at, schedule);
    }

    internal void SubmitPayment(Guid paymentId, Actor by, DateTimeOffset at, BatchSchedule schedule, string note)
    {
        Require(PaymentSubmitRefusal(by, at, schedule));
        PaymentId = paymentId;
        PaymentReturnReason = null;
        MoveTo(RegistrationStatus.PaymentSubmitted, by.UserId, by.Role, at, RegistrationActions.PaymentSubmitted, note);
    }

    // Whether this registration still waits on the given payment: a later cancellation or transfer detaches it.
    internal bool AwaitsDecisionOn(Guid paymentId) => Status == RegistrationStatus.PaymentSubmitted && PaymentId == paymentId;

    internal void ConfirmPayment(Guid paymentId, Actor by, DateTimeOffset at, string note)
    {
        Require(AwaitsDecisionOn(paymentId) ? null : "该报名不在待确认状态，不能确认收费");
        PaymentConfirmedAt = at.ToUniversalTime();
        MoveTo(RegistrationStatus.PaymentConfirmed, by.UserId, by.Role, at, RegistrationActions.PaymentConfirmed, note);
    }

    internal void ReturnPayment(Guid paymentId, Actor by, DateTimeOffset at, string reason)
    {
        Require(AwaitsDecisionOn(paymentId) ? null : "该报名不在待确认状态，不能退回缴费");
        PaymentReturnReason = reason;
        MoveTo(RegistrationStatus.PaymentReturned, by.UserId, by.Role, at, RegistrationActions.PaymentReturned, reason);
    }

    // The guard of Abandon: approved or returned, and the payment window is over in China.
    public bool IsPaymentOverdue(DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return AwaitsPayment && ChinaTime.DateOf(at) > schedule.Payment.End;
    }

    // Done by the system once the payment window has closed (未在规定时间内完成缴费的视为放弃报考).
    public void Abandon(DateTimeOffset at, BatchSchedule schedule)
    {
        Require(IsPaymentOverdue(at, schedule)
            ? null
            : $"只有缴费期（{Span(schedule.Payment)}）结束时仍未缴费或缴费被退回的报名才视为放弃报考");
        var note = Status == RegistrationStatus.PaymentReturned
            ? $"缴费凭证被退回，缴费期（{Span(schedule.Payment)}）内未重新提交，视为放弃报考"
            : $"缴费期（{Span(schedule.Payment)}）内未提交缴费凭证，视为放弃报考";
        MoveTo(RegistrationStatus.Abandoned, RegistrationEvent.SystemUserId, null, at, RegistrationActions.Abandoned, note);
    }

    // Driven by AdmissionTicket.Issue only, so a registration never says 已发准考证 without a ticket.
    internal string? TicketIssueRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        return TicketWindows.IssueRefusal(by.Role, at, schedule)
            ?? (Status == RegistrationStatus.PaymentConfirmed
                ? null
                : $"只有“确认收费”的报名可以发放准考证，本报名当前为“{RegistrationStatuses.DisplayName(Status)}”");
    }

    internal void IssueTicket(string ticketNumber, Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        Require(TicketIssueRefusal(by, at, schedule));
        MoveTo(RegistrationStatus.TicketIssued, by.UserId, by.Role, at, RegistrationActions.TicketIssued, $"准考证号{ticketNumber}");
    }

    // Part of cancelling the plan (PlanViability decides whether the plan may be cancelled).
    public void CancelWithPlan(Actor by, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(by.Role == Role.CentreAdmin ? null : "只有省职鉴中心管理员可以取消考核计划");
        Require(IsLive ? null : $"本报名已是“{RegistrationStatuses.DisplayName(Status)}”，无需取消");
        var text = RequiredReason(reason, "请填写取消考核计划的原因");
        CancelReason = text;
        CancelledFrom = Status;
        MoveTo(RegistrationStatus.Cancelled, by.UserId, by.Role, at, RegistrationActions.Cancelled, text);
    }

    // The review result travels only when the centre says so and there was one to carry; a paid fee travels with it.
    public bool CanTransfer(Actor by, DateTimeOffset at, BatchSchedule target) => TransferRefusal(by, at, target) is null;

    public Registration TransferTo(Guid id, int examPlanId, int batchId, string targetTitle, BatchSchedule target, bool carryOverReview, Actor by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetTitle);
        Require(TransferRefusal(by, at, target));
        if (id == Guid.Empty)
        {
            throw new ArgumentException("报名编号不能为空", nameof(id));
        }

        var paid = CancelledFrom is { } from && PaidStatuses.Contains(from);
        var reviewed = paid || CancelledFrom is RegistrationStatus.Approved or RegistrationStatus.PaymentSubmitted
            or RegistrationStatus.PaymentReturned;

        // A ticket belongs to its plan: what travels is the paid fee, and the new plan issues its own ticket.
        var status = !carryOverReview || !reviewed ? RegistrationStatus.Draft
            : paid ? RegistrationStatus.PaymentConfirmed
            : RegistrationStatus.Approved;
        var transferred = new Registration
        {
            Id = id,
            CandidateUserId = CandidateUserId,
            Channel = Channel,
            InstitutionId = InstitutionId,
            ExamPlanId = examPlanId,
            BatchId = batchId,
            IdDocumentType = IdDocumentType,
            IdNumber = IdNumber,
            Status = status,
            Details = Details,
            CreatedAt = at.ToUniversalTime(),
            TransferredFromId = Id,
            FirstReviewPassedAt = status == RegistrationStatus.Draft ? null : FirstReviewPassedAt,
            CommitmentWording = CommitmentWording,
            CommitmentAcceptedAt = CommitmentAcceptedAt,
            SubmittedAt = status == RegistrationStatus.Draft ? null : SubmittedAt,
            LastSubmittedAt = status == RegistrationStatus.Draft ? null : LastSubmittedAt,
            DecidedAt = status == RegistrationStatus.Draft ? null : DecidedAt,
            PaymentId = status == RegistrationStatus.PaymentConfirmed ? PaymentId : null,
            PaymentConfirmedAt = status == RegistrationStatus.PaymentConfirmed ? PaymentConfirmedAt : null,
        };
        transferred._documents.AddRange(_documents.Select(d => RegistrationDocument.Attach(d.Slot, d.FileId, at)));
        var carried = status == RegistrationStatus.Draft
            ? "保留已填信息和材料，审核结果不保留，须重新提交审核"
            : $"保留已填信息、材料和审核结果（{RegistrationStatuses.DisplayName(status)}）";
        transferred._history.Add(RegistrationEvent.Record(id, null, status, by.UserId, by.Role, at, RegistrationActions.TransferredIn, carried));
        TransferredToId = id;
        _history.Add(RegistrationEvent.Record(Id, Status, Status, by.UserId, by.Role, at, RegistrationActions.TransferredOut, $"转入{targetTitle}"));
        return transferred;
    }

    internal void RecordCorrection(string action, Actor by, DateTimeOffset at, string note) =>
        _history.Add(RegistrationEvent.Record(Id, Status, Status, by.UserId, by.Role, at, action, note));

    // An approved correction request: the name and identity number change; a number that carries a birth
    // date and gender brings them along, so the form stays consistent with it.
    internal void ApplyCorrection(string fullName, IdentityNumber number, Actor by, DateTimeOffset at, string note)
    {
        ArgumentNullException.ThrowIfNull(number);
        var details = (Details ?? new PersonalDetails()) with { FullName = fullName };
        if (number.BirthDate is { } birthDate)
        {
            details = details with { BirthDate = birthDate };
        }

        if (number.Gender is { } gender)
        {
            details = details with { Gender = gender };
        }

        Details = details;
        IdNumber = number.Value;
        RecordCorrection(RegistrationActions.CorrectionApproved, by, at, note);
    }

    internal static string? OwnerRefusalFor(Registration registration, Actor by) =>
        OwnerRefusal(registration.Channel, registration.CandidateUserId, by);

    private string? TransferRefusal(Actor by, DateTimeOffset at, BatchSchedule target)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(target);
        return OwnerRefusal(Channel, CandidateUserId, by)
            ?? (Status == RegistrationStatus.Cancelled ? null : "只有考核计划被取消的报名可以转入其他批次")
            ?? (TransferredToId is null ? null : "本报名已转入其他批次，不能重复转入")
            ?? (ChinaTime.DateOf(at) <= target.Registration.End ? null : $"目标批次的报名已于{ChineseText.Date(target.Registration.End)}截止，请选择报名尚未截止的批次");
    }

    private static string? PaymentWindowRefusal(DateTimeOffset at, BatchSchedule schedule)
    {
        var window = schedule.Payment;
        var day = ChinaTime.DateOf(at);
        return day < window.Start ? $"本批次缴费时间为{Span(window)}，尚未开始，请在缴费期内缴费并上传凭证"
            : day > window.End ? $"本批次缴费时间为{Span(window)}，现已截止；未在规定时间内完成缴费的视为放弃报考"
            : null;
    }

    // What the registrant must do next and by when; null when nothing is theirs to do or it is too late.
    public (string What, DateOnly By)? NextStep(DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var day = ChinaTime.DateOf(at);
        return Status switch
        {
            RegistrationStatus.Draft when day <= schedule.Registration.End => ("完成填报并提交", schedule.Registration.End),
            RegistrationStatus.Submitted => ("等待审核", schedule.Review.End),
            RegistrationStatus.Returned when day <= schedule.Review.End => ("按退回意见修改后重新提交", schedule.Review.End),
            RegistrationStatus.Approved when day <= schedule.Payment.End => ("在缴费期内缴费并上传银行回单", schedule.Payment.End),
            RegistrationStatus.PaymentReturned when day <= schedule.Payment.End => ("按退回原因重新提交缴费凭证", schedule.Payment.End),
            RegistrationStatus.PaymentSubmitted => ("等待省职鉴中心确认收费", PaymentDecisionDeadline(schedule)),
            RegistrationStatus.TicketIssued when day <= schedule.TicketPrinting.End => ("在打印准考证时间内下载并用A4纸打印准考证", schedule.TicketPrinting.End),
            _ => null,
        };
    }

    private string? SubmitRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rule);
        return OwnerRefusal(Channel, CandidateUserId, by)
            ?? StatusRefusal(RegistrationStatus.Draft, "提交")
            ?? RegistrationWindowRefusal(at, schedule)
            ?? ContentRefusal(at, rule);
    }

    private string? FirstReviewRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        if (Channel != RegistrationChannel.Institution)
        {
            return "只有机构报名需要机构初审";
        }

        var missing = MissingForFirstReview();
        return OwnerRefusal(Channel, CandidateUserId, by)
            ?? EditRefusal(at, schedule)
            ?? (missing.Count > 0 ? $"还缺少：{ChineseText.List(missing)}，补齐后才能初审通过" : null);
    }

    private string? InstitutionSubmitRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule) =>
        Channel != RegistrationChannel.Institution ? "只有机构报名可以由报名机构提交"
        : Status == RegistrationStatus.Returned ? ResubmitRefusal(by, at, schedule, rule)
        : SubmitRefusal(by, at, schedule, rule);

    private string? ReviewRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        if (by.Role is not (Role.CentreReviewer or Role.CentreAdmin))
        {
            return "只有省职鉴中心审核人员可以审核报名";
        }

        return StatusRefusal(RegistrationStatus.Submitted, "审核")
            ?? (ChinaTime.DateOf(at) > schedule.Review.End ? $"本批次审核时间为{Span(schedule.Review)}，现已截止，不能再审核" : null);
    }

    private string? ResubmitRefusal(Actor by, DateTimeOffset at, BatchSchedule schedule, EligibilityRule rule)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rule);
        return OwnerRefusal(Channel, CandidateUserId, by)
            ?? StatusRefusal(RegistrationStatus.Returned, "重新提交")
            ?? ReturnDeadlineRefusal(at, schedule)
            ?? ContentRefusal(at, rule);
    }

    private string? ExpireRefusal(DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return StatusRefusal(RegistrationStatus.Returned, "转为逾期未修改")
            ?? (ReturnDeadlineRefusal(at, schedule) is null
                ? $"审核期至{ChineseText.Date(schedule.Review.End)}结束，届时仍未提交修改的报名才转为逾期未修改"
                : null);
    }

    private string? EditRefusal(DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Status switch
        {
            RegistrationStatus.Draft => RegistrationWindowRefusal(at, schedule),
            RegistrationStatus.Returned => ReturnDeadlineRefusal(at, schedule),
            RegistrationStatus.PaymentConfirmed or RegistrationStatus.TicketIssued => $"{LockedAfterPayment}；如姓名或证件号码有误，请提交更正申请",
            _ => $"本报名当前为“{RegistrationStatuses.DisplayName(Status)}”，不能修改",
        };
    }

    private void RequireEditBy(Actor by, DateTimeOffset at, BatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(OwnerRefusal(Channel, CandidateUserId, by) ?? EditRefusal(at, schedule));
    }

    // Completeness first, then the project's 申报条件 (the age floor of 16 is part of it) on the day of submission in China.
    private string? ContentRefusal(DateTimeOffset at, EligibilityRule rule)
    {
        var missing = MissingForSubmission();
        if (Details is null || missing.Count > 0)
        {
            return $"还缺少：{ChineseText.List(missing)}，请补齐后再提交";
        }

        var result = rule.Evaluate(Details.ToQualification(), ChinaTime.DateOf(at));
        return result.IsEligible ? null : $"不符合本项目申报条件：{string.Join("；", result.Problems)}";
    }

    // Numbers that carry a birth date and gender must agree with the form, or the age rule could be talked round.
    private string? IdentityMismatch(PersonalDetails details)
    {
        var number = IdentityNumber.Parse(IdDocumentType, IdNumber).Number;
        if (number?.BirthDate is { } birthDate && details.BirthDate != default && details.BirthDate != birthDate)
        {
            return $"出生日期应与证件号码一致（{ChineseText.Date(birthDate)}），请核对";
        }

        return number?.Gender is { } gender && details.Gender != gender
            ? $"性别应与证件号码一致（{(gender == Gender.Male ? "男" : "女")}），请核对"
            : null;
    }

    private string? StatusRefusal(RegistrationStatus required, string action) =>
        Status == required
            ? null
            : $"只有“{RegistrationStatuses.DisplayName(required)}”的报名可以{action}，本报名当前为“{RegistrationStatuses.DisplayName(Status)}”";

    private static string? OwnerRefusal(RegistrationChannel channel, string? candidateUserId, Actor by) => channel switch
    {
        RegistrationChannel.Individual when by.Role != Role.Candidate || by.UserId != candidateUserId => "考生个人报名只能由考生本人办理",
        RegistrationChannel.Institution when by.Role != Role.InstitutionStaff => "机构报名只能由报名机构经办人办理",
        _ => null,
    };

    private static string? RegistrationWindowRefusal(DateTimeOffset at, BatchSchedule schedule)
    {
        var window = schedule.Registration;
        var day = ChinaTime.DateOf(at);
        return day < window.Start ? $"本批次报名时间为{Span(window)}，尚未开始"
            : day > window.End ? $"本批次报名时间为{Span(window)}，现已截止"
            : null;
    }

    // Only the end matters: a return made before the review window opened may be answered at once.
    private static string? ReturnDeadlineRefusal(DateTimeOffset at, BatchSchedule schedule) =>
        ChinaTime.DateOf(at) > schedule.Review.End
            ? $"本批次审核时间为{Span(schedule.Review)}，现已截止；未在审核期内提交修改的报名为逾期未修改，不再受理"
            : null;

    private void MoveTo(RegistrationStatus to, string actorUserId, Role? actorRole, DateTimeOffset at, string action, string? note)
    {
        _history.Add(RegistrationEvent.Record(Id, Status, to, actorUserId, actorRole, at, action, note));
        Status = to;
    }

    private static string RequiredReason(string? reason, string whenBlank) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException(whenBlank) : Bounded(reason.Trim());

    private static string Bounded(string text) =>
        text.Length <= ReasonMaxLength ? text : throw new DomainRuleException($"审核意见不能超过{ReasonMaxLength}字，请精简");

    // "2026年3月9日至3月16日", the way the announcement writes a window.
    internal static string Span(DateRange window) =>
        window.Start.Year == window.End.Year
            ? $"{ChineseText.Date(window.Start)}至{window.End.ToString("M月d日", CultureInfo.InvariantCulture)}"
            : $"{ChineseText.Date(window.Start)}至{ChineseText.Date(window.End)}";

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
