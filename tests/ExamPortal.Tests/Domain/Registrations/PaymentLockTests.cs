using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// 四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改: after 确认收费 every edit is refused with the
// announcement's words, pointing to a correction request.
public sealed class PaymentLockTests
{
    private const string Locked = "四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改；如姓名或证件号码有误，请提交更正申请";

    [Theory]
    [InlineData("2026-03-12T10:00:00+08:00")]
    [InlineData("2026-04-05T10:00:00+08:00")]
    [InlineData("2026-04-25T10:00:00+08:00")]
    public void Every_edit_of_a_confirmed_registration_is_refused_quoting_the_announcement(string at)
    {
        var builder = A.Registration().Submitted().Approved().PaymentConfirmed();
        var registration = builder.Build();
        var details = registration.Details;
        var files = registration.Documents.Select(d => d.FileId).ToList();
        var history = registration.History.Count;
        var when = Instant(at);

        var save = Assert.Throws<DomainRuleException>(() => registration.SaveDetails(builder.Details with { Mobile = "13900001111" }, Candidate, when, Batch2));
        var attach = Assert.Throws<DomainRuleException>(() => registration.AttachDocument(DocumentSlot.Photo, Guid.NewGuid(), Candidate, when, Batch2));
        var accept = Assert.Throws<DomainRuleException>(() => registration.AcceptCommitment(Commitment, Candidate, when, Batch2));

        Assert.All([save, attach, accept], e => Assert.Contains(Registration.LockedAfterPayment, e.Message, StringComparison.Ordinal));
        Assert.All([save, attach, accept], e => Assert.Equal(Locked, e.Message));
        Assert.False(registration.CanEdit(when, Batch2));
        Assert.Same(details, registration.Details);
        Assert.Equal(files, registration.Documents.Select(d => d.FileId));
        Assert.Equal(CreatedAt, registration.CommitmentAcceptedAt);
        Assert.Equal(history, registration.History.Count);
    }

    [Fact]
    public void The_lock_quotes_the_closing_note_of_the_announcement()
    {
        Assert.Equal("四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改", Registration.LockedAfterPayment);
    }

    [Fact]
    public void A_confirmed_institution_registration_is_locked_for_the_institution_too()
    {
        var builder = A.Registration().ThroughInstitution().Submitted().Approved().PaymentConfirmed();
        var registration = builder.Build();
        var at = Instant("2026-04-05T10:00:00+08:00");

        var error = Assert.Throws<DomainRuleException>(() => registration.SaveDetails(builder.Details with { Employer = "新单位" }, Staff, at, Batch2));

        Assert.Equal(Locked, error.Message);
        Assert.True(registration.IsLocked);
        Assert.NotNull(registration.FirstReviewPassedAt);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, false)]
    [InlineData(RegistrationStatus.Submitted, false)]
    [InlineData(RegistrationStatus.Approved, false)]
    [InlineData(RegistrationStatus.Returned, false)]
    [InlineData(RegistrationStatus.Rejected, false)]
    [InlineData(RegistrationStatus.ReturnExpired, false)]
    [InlineData(RegistrationStatus.PaymentSubmitted, false)]
    [InlineData(RegistrationStatus.PaymentReturned, false)]
    [InlineData(RegistrationStatus.PaymentConfirmed, true)]
    [InlineData(RegistrationStatus.Abandoned, false)]
    [InlineData(RegistrationStatus.Cancelled, false)]
    public void Only_a_confirmed_registration_is_locked(RegistrationStatus status, bool locked)
    {
        var registration = A.Registration().In(status).Build();

        Assert.Equal(status, registration.Status);
        Assert.Equal(locked, registration.IsLocked);
    }

    [Theory]
    [InlineData(RegistrationStatus.PaymentSubmitted, "待确认")]
    [InlineData(RegistrationStatus.PaymentReturned, "缴费退回")]
    public void A_registration_with_finance_or_returned_by_finance_is_not_editable_either(RegistrationStatus status, string shown)
    {
        var builder = A.Registration().In(status);
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details, Candidate, Instant("2026-04-02T18:00:00+08:00"), Batch2));

        Assert.Equal($"本报名当前为“{shown}”，不能修改", error.Message);
    }

    [Theory]
    [InlineData(RegistrationStatus.Approved, "2026-04-02T10:00:00+08:00", "在缴费期内缴费并上传银行回单", "2026-04-03")]
    [InlineData(RegistrationStatus.Approved, "2026-04-03T23:59:59+08:00", "在缴费期内缴费并上传银行回单", "2026-04-03")]
    [InlineData(RegistrationStatus.PaymentReturned, "2026-04-03T10:00:00+08:00", "按退回原因重新提交缴费凭证", "2026-04-03")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "2026-04-02T12:00:00+08:00", "等待省职鉴中心确认收费", "2026-04-19")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "2026-04-10T12:00:00+08:00", "等待省职鉴中心确认收费", "2026-04-19")]
    public void The_next_step_of_the_payment_stages_names_its_deadline(RegistrationStatus status, string at, string what, string by)
    {
        var registration = A.Registration().In(status).Build();

        Assert.Equal((what, D(by)), registration.NextStep(Instant(at), Batch2));
    }

    [Theory]
    [InlineData(RegistrationStatus.Approved, "2026-04-04T00:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentReturned, "2026-04-04T00:00:00+08:00")]
    [InlineData(RegistrationStatus.PaymentConfirmed, "2026-04-05T00:00:00+08:00")]
    [InlineData(RegistrationStatus.Cancelled, "2026-04-09T00:00:00+08:00")]
    public void Nothing_is_left_to_do_once_paid_cancelled_or_too_late(RegistrationStatus status, string at)
    {
        var registration = A.Registration().In(status).Build();

        Assert.Null(registration.NextStep(Instant(at), Batch2));
    }
}
