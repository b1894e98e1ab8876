using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// 更正申请: a confirmed (locked) registration changes its name or ID number only through a request the
// centre's reviewers approve. The trail records both steps with ID numbers masked to their last four characters.
public sealed class CorrectionRequestTests
{
    private const string Reason = "录入时把姓名和身份证号写错";

    private static readonly DateTimeOffset RequestedAt = Instant("2026-04-06T10:00:00+08:00");
    private static readonly DateTimeOffset DecidedAt = Instant("2026-04-07T10:00:00+08:00");
    private static readonly string NewIdNumber = IdNumbers.ResidentIdCard(D("1991-05-20"), Gender.Female);

    [Fact]
    public void The_owner_of_a_locked_registration_opens_a_request_that_changes_nothing_yet()
    {
        var registration = Locked();
        var oldNumber = registration.IdNumber;
        var id = Guid.NewGuid();

        var request = CorrectionRequest.Open(id, registration, " 张叁 ", NewIdNumber.ToLowerInvariant(), "  " + Reason, false, Candidate, RequestedAt);

        Assert.Equal(id, request.Id);
        Assert.Equal(registration.Id, request.RegistrationId);
        Assert.Equal(CorrectionStatus.Pending, request.Status);
        Assert.Equal(("张三", oldNumber), (request.CurrentName, request.CurrentIdNumber));
        Assert.Equal(("张叁", NewIdNumber), (request.RequestedName, request.RequestedIdNumber));
        Assert.Equal(Reason, request.Reason);
        Assert.Equal((CandidateUserId, RequestedAt), (request.RequestedByUserId, request.RequestedAt));
        Assert.Null(request.DecidedAt);
        Assert.Equal("张三", registration.Details!.FullName);
        Assert.Equal(oldNumber, registration.IdNumber);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        var entry = registration.History[^1];
        Assert.Equal(
            (RegistrationActions.CorrectionRequested, (RegistrationStatus?)RegistrationStatus.PaymentConfirmed, RegistrationStatus.PaymentConfirmed),
            (entry.Action, entry.From, entry.To));
        Assert.Equal($"姓名：张三→张叁；证件号码：{IdentityNumber.Mask(oldNumber)}→{IdentityNumber.Mask(NewIdNumber)}；原因：{Reason}", entry.Note);
    }

    [Fact]
    public void A_name_only_request_keeps_the_number()
    {
        var registration = Locked();

        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt);

        Assert.Equal(registration.IdNumber, request.RequestedIdNumber);
        Assert.Equal("姓名：张三→张叁", request.Change());
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Submitted)]
    [InlineData(RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentSubmitted)]
    [InlineData(RegistrationStatus.PaymentReturned)]
    [InlineData(RegistrationStatus.Cancelled)]
    public void A_request_is_only_for_a_locked_registration(RegistrationStatus status)
    {
        var registration = A.Registration().In(status).Build();
        var history = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt));

        Assert.Equal("只有已确认收费的报名需要提交更正申请；其他报名请在可修改期间直接修改", error.Message);
        Assert.Equal(history, registration.History.Count);
    }

    [Theory]
    [InlineData("candidate-2", Role.Candidate)]
    [InlineData("staff-1", Role.InstitutionStaff)]
    [InlineData("reviewer-1", Role.CentreReviewer)]
    [InlineData("admin-1", Role.CentreAdmin)]
    public void Only_the_owner_opens_a_request(string userId, Role role)
    {
        var registration = Locked();

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, new Actor(userId, role), RequestedAt));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
    }

    [Fact]
    public void Institution_staff_open_the_request_of_their_applicant()
    {
        var registration = A.Registration().ThroughInstitution().In(RegistrationStatus.PaymentConfirmed).Build();

        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Staff, RequestedAt);

        Assert.Equal("staff-1", request.RequestedByUserId);
        Assert.Equal(CorrectionStatus.Pending, request.Status);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    [InlineData("张三", null)]
    [InlineData(" 张三 ", "SAME")]
    [InlineData(null, "same-lower")]
    public void A_request_must_change_the_name_or_the_number(string? fullName, string? idNumber)
    {
        var registration = Locked();
        var number = idNumber switch
        {
            "SAME" => registration.IdNumber,
            "same-lower" => " " + registration.IdNumber.ToLowerInvariant(),
            _ => idNumber,
        };

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, fullName, number, Reason, false, Candidate, RequestedAt));

        Assert.Equal("请填写更正后的姓名或证件号码（至少一项与现在不同）", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_request_needs_a_reason(string? reason)
    {
        var registration = Locked();
        var history = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, reason, false, Candidate, RequestedAt));

        Assert.Equal("请说明更正原因（例如：录入时把姓名写错）", error.Message);
        Assert.Equal(history, registration.History.Count);
    }

    [Fact]
    public void An_invalid_new_number_is_refused_with_the_identity_rules_message()
    {
        var registration = Locked();
        var wrongCheck = NewIdNumber[..17] + (NewIdNumber[17] == '0' ? '1' : '0');

        var badCheck = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, null, wrongCheck, Reason, false, Candidate, RequestedAt));
        var tooShort = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, null, "51010719910520", Reason, false, Candidate, RequestedAt));

        Assert.Equal("更正后的证件号码有误：居民身份证号码校验位不正确，请核对号码是否输错", badCheck.Message);
        Assert.Equal("更正后的证件号码有误：居民身份证号码应为18位，您输入了14位", tooShort.Message);
    }

    [Fact]
    public void A_second_request_while_one_is_pending_is_refused()
    {
        var registration = Locked();

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, true, Candidate, RequestedAt));

        Assert.Equal("本报名已有一份更正申请待处理，请等待省职鉴中心处理后再提交", error.Message);
    }

    [Fact]
    public void A_name_longer_than_fifty_characters_is_refused()
    {
        var registration = Locked();

        var error = Assert.Throws<DomainRuleException>(
            () => CorrectionRequest.Open(Guid.NewGuid(), registration, new string('张', CorrectionRequest.FullNameMaxLength + 1), null, Reason, false, Candidate, RequestedAt));

        Assert.Equal("姓名不能超过50字", error.Message);
    }

    [Theory]
    [InlineData("reviewer-1", Role.CentreReviewer)]
    [InlineData("admin-1", Role.CentreAdmin)]
    public void An_approved_request_changes_the_name_and_number_and_the_birth_date_and_gender_they_carry(string userId, Role role)
    {
        var registration = Locked();
        var oldNumber = registration.IdNumber;
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", NewIdNumber, Reason, false, Candidate, RequestedAt);
        var by = new Actor(userId, role);

        request.Approve(registration, by, DecidedAt, " 已核对身份证原件 ");

        Assert.Equal(CorrectionStatus.Approved, request.Status);
        Assert.Equal((userId, (DateTimeOffset?)DecidedAt, "已核对身份证原件"), (request.DecidedByUserId, request.DecidedAt, request.DecisionNote));
        Assert.Equal("张叁", registration.Details!.FullName);
        Assert.Equal(NewIdNumber, registration.IdNumber);
        Assert.Equal(D("1991-05-20"), registration.Details.BirthDate);
        Assert.Equal(Gender.Female, registration.Details.Gender);
        Assert.Equal("13812345678", registration.Details.Mobile);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.True(registration.IsLocked);

        var requested = Assert.Single(registration.History, e => e.Action == RegistrationActions.CorrectionRequested);
        var approved = Assert.Single(registration.History, e => e.Action == RegistrationActions.CorrectionApproved);
        Assert.Equal((userId, (Role?)role, DecidedAt), (approved.ActorUserId, approved.ActorRole, approved.At));
        Assert.Equal($"姓名：张三→张叁；证件号码：{IdentityNumber.Mask(oldNumber)}→{IdentityNumber.Mask(NewIdNumber)}", approved.Note);
        Assert.Contains(IdentityNumber.Mask(NewIdNumber), requested.Note, StringComparison.Ordinal);
        Assert.Equal(new string('*', 14) + NewIdNumber[^4..], IdentityNumber.Mask(NewIdNumber));
        Assert.All(registration.History, e =>
        {
            Assert.DoesNotContain(oldNumber, e.Note ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(NewIdNumber, e.Note ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("finance-1", Role.CentreFinance)]
    [InlineData("exam-1", Role.CentreExam)]
    [InlineData("candidate-1", Role.Candidate)]
    [InlineData("staff-1", Role.InstitutionStaff)]
    public void Only_centre_reviewers_or_admins_decide_a_request(string userId, Role role)
    {
        var registration = Locked();
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", NewIdNumber, Reason, false, Candidate, RequestedAt);
        var oldNumber = registration.IdNumber;
        var by = new Actor(userId, role);

        var approve = Assert.Throws<DomainRuleException>(() => request.Approve(registration, by, DecidedAt, null));
        var refuse = Assert.Throws<DomainRuleException>(() => request.Refuse(registration, by, DecidedAt, "证明材料不足"));

        Assert.Equal("只有省职鉴中心审核人员可以处理更正申请", approve.Message);
        Assert.Equal("只有省职鉴中心审核人员可以处理更正申请", refuse.Message);
        Assert.Equal(CorrectionStatus.Pending, request.Status);
        Assert.Equal("张三", registration.Details!.FullName);
        Assert.Equal(oldNumber, registration.IdNumber);
    }

    [Fact]
    public void A_request_is_decided_only_against_its_own_registration()
    {
        var registration = Locked();
        var other = Locked();
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt);

        var error = Assert.Throws<DomainRuleException>(() => request.Approve(other, Reviewer, DecidedAt, null));

        Assert.Equal("更正申请与报名不对应", error.Message);
        Assert.Equal("张三", other.Details!.FullName);
        Assert.Equal(CorrectionStatus.Pending, request.Status);
    }

    [Fact]
    public void A_refused_request_leaves_the_registration_unchanged_and_records_why()
    {
        var registration = Locked();
        var details = registration.Details;
        var oldNumber = registration.IdNumber;
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", NewIdNumber, Reason, false, Candidate, RequestedAt);

        request.Refuse(registration, Reviewer, DecidedAt, " 未提供户籍证明 ");

        Assert.Equal(CorrectionStatus.Refused, request.Status);
        Assert.Equal(("reviewer-1", "未提供户籍证明"), (request.DecidedByUserId, request.DecisionNote));
        Assert.Same(details, registration.Details);
        Assert.Equal(oldNumber, registration.IdNumber);
        var entry = registration.History[^1];
        Assert.Equal(RegistrationActions.CorrectionRefused, entry.Action);
        Assert.Equal($"姓名：张三→张叁；证件号码：{IdentityNumber.Mask(oldNumber)}→{IdentityNumber.Mask(NewIdNumber)}；原因：未提供户籍证明", entry.Note);
        Assert.DoesNotContain(registration.History, e => e.Action == RegistrationActions.CorrectionApproved);
        Assert.All(registration.History, e => Assert.DoesNotContain(NewIdNumber, e.Note ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Refusing_needs_a_note_for_the_applicant(string? note)
    {
        var registration = Locked();
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt);
        var history = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(() => request.Refuse(registration, Reviewer, DecidedAt, note));

        Assert.Equal("请填写不予更正的原因，申请人会看到这一说明", error.Message);
        Assert.Equal(CorrectionStatus.Pending, request.Status);
        Assert.Equal(history, registration.History.Count);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_request_is_decided_once(bool approveFirst, bool approveSecond)
    {
        var registration = Locked();
        var request = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt);
        Decide(request, registration, approveFirst);
        var status = request.Status;
        var history = registration.History.Count;
        var name = registration.Details!.FullName;

        var error = Assert.Throws<DomainRuleException>(() => Decide(request, registration, approveSecond));

        Assert.Equal("该更正申请已处理", error.Message);
        Assert.Equal(status, request.Status);
        Assert.Equal(history, registration.History.Count);
        Assert.Equal(name, registration.Details!.FullName);
    }

    [Fact]
    public void A_request_overtaken_by_another_correction_cannot_be_approved()
    {
        var registration = Locked();
        var first = CorrectionRequest.Open(Guid.NewGuid(), registration, "张叁", null, Reason, false, Candidate, RequestedAt);
        var second = CorrectionRequest.Open(Guid.NewGuid(), registration, "张珊", null, Reason, false, Candidate, RequestedAt);
        first.Approve(registration, Reviewer, DecidedAt, null);

        var error = Assert.Throws<DomainRuleException>(() => second.Approve(registration, Reviewer, DecidedAt, null));

        Assert.Equal("报名信息在申请提交后已有变化，请不予通过并请申请人重新提交", error.Message);
        Assert.Equal("张叁", registration.Details!.FullName);
        Assert.Equal(CorrectionStatus.Pending, second.Status);
    }

    private static Registration Locked() => A.Registration().In(RegistrationStatus.PaymentConfirmed).Build();

    private static void Decide(CorrectionRequest request, Registration registration, bool approve)
    {
        if (approve)
        {
            request.Approve(registration, Reviewer, DecidedAt, null);
        }
        else
        {
            request.Refuse(registration, Reviewer, DecidedAt, "证明材料不足");
        }
    }
}
