using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Registrations;

// Reaches every state through the real transitions, in batch 2 of 2026 (registration 3/9–3/16,
// review 3/16–3/27, payment 4/1–4/3, ticket printing 4/20–4/24, exam 4/25), each step at a fixed moment
// written below. There is no way to set Status directly: the payment states go through Payment.Submit,
// Confirm and ReturnToPayer, and the payment of the last such step is kept in LastPayment.
internal sealed class RegistrationBuilder
{
    public const string CandidateUserId = "candidate-1";
    public const string Commitment = "本人承诺所提交的报名信息和材料真实有效，如有弄虚作假，愿承担相应责任。";

    public static readonly BatchSchedule Batch2 = BatchSchedule.From(Announcement2026.Batches[1]);
    public static readonly Actor Candidate = new(CandidateUserId, Role.Candidate);
    public static readonly Actor Staff = new("staff-1", Role.InstitutionStaff);
    public static readonly Actor Reviewer = new("reviewer-1", Role.CentreReviewer);
    public static readonly Actor Finance = new("finance-1", Role.CentreFinance);
    public static readonly Actor Admin = new("admin-1", Role.CentreAdmin);
    public static readonly Actor ExamStaff = new("exam-1", Role.CentreExam);

    public const string InstitutionCommitment = "本机构已对所报考生资格进行初审，对审核的合规性负责。";
    public const decimal Fee = 100m;
    public const string PaymentReturnReason = "回单上的转账金额看不清，请重新上传清晰的回单";
    public const string CancelReason = "报名人数不足10人，不予组织考核";

    public static readonly DateTimeOffset CreatedAt = Instant("2026-03-10T09:00:00+08:00");
    public static readonly DateTimeOffset SubmittedAt = Instant("2026-03-12T10:00:00+08:00");
    public static readonly DateTimeOffset ReviewedAt = Instant("2026-03-18T10:00:00+08:00");
    public static readonly DateTimeOffset ResubmittedAt = Instant("2026-03-20T10:00:00+08:00");
    public static readonly DateTimeOffset ExpiredAt = Instant("2026-03-28T00:00:00+08:00");
    public static readonly DateTimeOffset PaidAt = Instant("2026-04-02T10:00:00+08:00");
    public static readonly DateTimeOffset PaymentReturnedAt = Instant("2026-04-02T15:00:00+08:00");
    public static readonly DateTimeOffset PaymentConfirmedAt = Instant("2026-04-03T15:00:00+08:00");
    public static readonly DateTimeOffset AbandonedAt = Instant("2026-04-04T00:00:00+08:00");
    public static readonly DateTimeOffset CancelledAt = Instant("2026-04-08T10:00:00+08:00");
    public static readonly DateTimeOffset TicketIssuedAt = Instant("2026-04-10T10:00:00+08:00");

    private readonly List<Action<Registration>> _steps = [];
    private readonly HashSet<DocumentSlot> _missingSlots = [];
    private string _projectCode = "01";
    private RegistrationChannel _channel = RegistrationChannel.Individual;
    private DateOnly _birthDate = D("1990-03-07");
    private EducationLevel _education = EducationLevel.HighSchool;
    private bool _withDetails = true;
    private bool _withCommitment = true;
    private int _batchId = 2;
    private int _institutionId = 7;
    private string _fullName = "张三";

    public EligibilityRule Rule => Project.Eligibility;

    public ProjectDefinition Project => Announcement2026.Projects.Single(p => p.Code == _projectCode);

    // The payment made by the last PaymentSubmitted step of Build (PaymentConfirmed and PaymentReturned include one).
    public Payment? LastPayment { get; private set; }

    public AdmissionTicket? LastTicket { get; private set; }

    // Who fills in and submits: the candidate, or for an institution registration its staff.
    public Actor Owner => _channel == RegistrationChannel.Individual ? Candidate : Staff;

    public string IdNumber => IdNumbers.ResidentIdCard(_birthDate, Gender.Male);

    public PersonalDetails Details => new()
    {
        FullName = _fullName,
        Gender = Gender.Male,
        BirthDate = _birthDate,
        Mobile = "13812345678",
        Address = "四川省成都市武侯区人民南路四段1号",
        Education = _education,
        School = "成都市第七中学",
        Major = "普通高中",
        Employer = "成都某科技有限公司",
        Declarations = Rule.RequiredDeclarations,
        EducationProofCase = EducationProofCase.GraduationCertificate,
    };

    public RegistrationBuilder ForProject(string code)
    {
        _projectCode = code;
        return this;
    }

    public RegistrationBuilder ThroughInstitution()
    {
        _channel = RegistrationChannel.Institution;
        return this;
    }

    public RegistrationBuilder BornOn(DateOnly birthDate)
    {
        _birthDate = birthDate;
        return this;
    }

    public RegistrationBuilder WithEducation(EducationLevel education)
    {
        _education = education;
        return this;
    }

    public RegistrationBuilder WithoutDetails()
    {
        _withDetails = false;
        return this;
    }

    public RegistrationBuilder WithoutDocument(DocumentSlot slot)
    {
        _missingSlots.Add(slot);
        return this;
    }

    public RegistrationBuilder WithoutCommitment()
    {
        _withCommitment = false;
        return this;
    }

    public RegistrationBuilder Named(string fullName)
    {
        _fullName = fullName;
        return this;
    }

    // For an institution registration: which institution it belongs to (7 unless told).
    public RegistrationBuilder OfInstitution(int institutionId)
    {
        _institutionId = institutionId;
        return this;
    }

    // The batch id the registration records; the dates stay those of batch 2.
    public RegistrationBuilder InBatch(int batchId)
    {
        _batchId = batchId;
        return this;
    }

    // An institution's applicant passes the institution's first review and goes in with its submission.
    public RegistrationBuilder Submitted() => Then(r =>
    {
        if (_channel == RegistrationChannel.Institution)
        {
            r.PassFirstReview(Staff, SubmittedAt, Batch2);
            r.SubmitThroughInstitution(Staff, SubmittedAt, Batch2, Rule, Guid.NewGuid(), InstitutionCommitment);
        }
        else
        {
            r.Submit(Owner, SubmittedAt, Batch2, Rule);
        }
    });

    public RegistrationBuilder Approved() => Then(r => r.Approve(Reviewer, ReviewedAt, Batch2, null));

    public RegistrationBuilder Rejected() => Then(r => r.Reject(Reviewer, ReviewedAt, Batch2, "学历证明与申报学历不符"));

    public RegistrationBuilder Returned() => Then(r => r.Return(Reviewer, ReviewedAt, Batch2, "照片不清晰", ["考生本人照片"]));

    public RegistrationBuilder Resubmitted() => Then(r => r.Resubmit(Owner, ResubmittedAt, Batch2, Rule));

    public RegistrationBuilder ReturnExpired() => Then(r => r.ExpireReturn(ExpiredAt, Batch2));

    // The owner's own receipt for the project's fee, paid by the candidate (or the institution) on PaidAt.
    public RegistrationBuilder PaymentSubmitted() => Then(r =>
        LastPayment = Payment.Submit(Guid.NewGuid(), [Line(r)], OwnClaim(r), Guid.NewGuid(), false, Owner, PaidAt, Batch2));

    public RegistrationBuilder PaymentConfirmed() =>
        PaymentSubmitted().Then(r => LastPayment!.Confirm([r], Finance, PaymentConfirmedAt, Batch2));

    public RegistrationBuilder PaymentReturned() =>
        PaymentSubmitted().Then(r => LastPayment!.ReturnToPayer([r], Finance, PaymentReturnedAt, Batch2, PaymentReturnReason));

    // Issued by exam staff on TicketIssuedAt (after batch 2's payment window), number 202602010001, room 1 seat 1.
    public RegistrationBuilder TicketIssued() =>
        PaymentConfirmed().Then(r => LastTicket = AdmissionTicket.Issue(Guid.NewGuid(), r, "202602010001", 1, 1, 1, ExamStaff, TicketIssuedAt, Batch2));

    public RegistrationBuilder Abandoned() => Then(r => r.Abandon(AbandonedAt, Batch2));

    public RegistrationBuilder Cancelled() => Then(r => r.CancelWithPlan(Admin, CancelledAt, CancelReason));

    public PaymentLine Line(Registration registration) => new(registration, Fee, Project.Name);

    // What a payer paying for themselves states: their own name (the institution's for an institution), the fee, today.
    public static PaymentClaim OwnClaim(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var payer = registration.Channel == RegistrationChannel.Institution ? "成都某职业培训学校" : registration.Details!.FullName;
        return new PaymentClaim(payer, Fee, D("2026-04-02"), "SN20260402001", PaidByOther: false);
    }

    // The shortest real path to a status, for tables over every status.
    public RegistrationBuilder In(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Draft => this,
        RegistrationStatus.Submitted => Submitted(),
        RegistrationStatus.Approved => Submitted().Approved(),
        RegistrationStatus.Rejected => Submitted().Rejected(),
        RegistrationStatus.Returned => Submitted().Returned(),
        RegistrationStatus.ReturnExpired => Submitted().Returned().ReturnExpired(),
        RegistrationStatus.PaymentSubmitted => Submitted().Approved().PaymentSubmitted(),
        RegistrationStatus.PaymentReturned => Submitted().Approved().PaymentReturned(),
        RegistrationStatus.PaymentConfirmed => Submitted().Approved().PaymentConfirmed(),
        RegistrationStatus.Abandoned => Submitted().Approved().Abandoned(),
        RegistrationStatus.Cancelled => Submitted().Approved().Cancelled(),
        RegistrationStatus.TicketIssued => Submitted().Approved().TicketIssued(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    public RegistrationBuilder Then(Action<Registration> step)
    {
        _steps.Add(step);
        return this;
    }

    public Registration Build()
    {
        var registration = Registration.StartDraft(
            Guid.NewGuid(),
            _channel == RegistrationChannel.Institution ? null : CandidateUserId,
            _channel,
            _channel == RegistrationChannel.Institution ? _institutionId : null,
            examPlanId: 11,
            batchId: _batchId,
            IdDocumentType.ResidentIdCard,
            IdNumber,
            Owner,
            CreatedAt,
            Batch2);
        if (_withDetails)
        {
            registration.SaveDetails(Details, Owner, CreatedAt, Batch2);
        }

        foreach (var slot in DocumentSlots.Required.Except(_missingSlots))
        {
            registration.AttachDocument(slot, Guid.NewGuid(), Owner, CreatedAt, Batch2);
        }

        if (_withCommitment)
        {
            registration.AcceptCommitment(Commitment, Owner, CreatedAt, Batch2);
        }

        foreach (var step in _steps)
        {
            step(registration);
        }

        return registration;
    }
}
