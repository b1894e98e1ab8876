using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Registrations;

// Reaches every state through the real transitions, in batch 2 of 2026 (registration 3/9–3/16,
// review 3/16–3/27), each step at a fixed moment written below. There is no way to set Status directly.
internal sealed class RegistrationBuilder
{
    public const string CandidateUserId = "candidate-1";
    public const string Commitment = "本人承诺所提交的报名信息和材料真实有效，如有弄虚作假，愿承担相应责任。";

    public static readonly BatchSchedule Batch2 = BatchSchedule.From(Announcement2026.Batches[1]);
    public static readonly Actor Candidate = new(CandidateUserId, Role.Candidate);
    public static readonly Actor Staff = new("staff-1", Role.InstitutionStaff);
    public static readonly Actor Reviewer = new("reviewer-1", Role.CentreReviewer);

    public static readonly DateTimeOffset CreatedAt = Instant("2026-03-10T09:00:00+08:00");
    public static readonly DateTimeOffset SubmittedAt = Instant("2026-03-12T10:00:00+08:00");
    public static readonly DateTimeOffset ReviewedAt = Instant("2026-03-18T10:00:00+08:00");
    public static readonly DateTimeOffset ResubmittedAt = Instant("2026-03-20T10:00:00+08:00");
    public static readonly DateTimeOffset ExpiredAt = Instant("2026-03-28T00:00:00+08:00");

    private readonly List<Action<Registration>> _steps = [];
    private readonly HashSet<DocumentSlot> _missingSlots = [];
    private string _projectCode = "01";
    private RegistrationChannel _channel = RegistrationChannel.Individual;
    private DateOnly _birthDate = D("1990-03-07");
    private EducationLevel _education = EducationLevel.HighSchool;
    private bool _withDetails = true;
    private bool _withCommitment = true;

    public EligibilityRule Rule => Announcement2026.Projects.Single(p => p.Code == _projectCode).Eligibility;

    // Who fills in and submits: the candidate, or for an institution registration its staff.
    public Actor Owner => _channel == RegistrationChannel.Individual ? Candidate : Staff;

    public string IdNumber => IdNumbers.ResidentIdCard(_birthDate, Gender.Male);

    public PersonalDetails Details => new()
    {
        FullName = "张三",
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

    public RegistrationBuilder Submitted() => Then(r => r.Submit(Owner, SubmittedAt, Batch2, Rule));

    public RegistrationBuilder Approved() => Then(r => r.Approve(Reviewer, ReviewedAt, Batch2, null));

    public RegistrationBuilder Rejected() => Then(r => r.Reject(Reviewer, ReviewedAt, Batch2, "学历证明与申报学历不符"));

    public RegistrationBuilder Returned() => Then(r => r.Return(Reviewer, ReviewedAt, Batch2, "照片不清晰", ["考生本人照片"]));

    public RegistrationBuilder Resubmitted() => Then(r => r.Resubmit(Owner, ResubmittedAt, Batch2, Rule));

    public RegistrationBuilder ReturnExpired() => Then(r => r.ExpireReturn(ExpiredAt, Batch2));

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
            _channel == RegistrationChannel.Institution ? 7 : null,
            examPlanId: 11,
            batchId: 2,
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
