using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Payments;

// 机构缴费: one receipt for several approved applicants of one institution in one batch, with the exam
// date and head count on it (五（一）). Either every line goes in or none does.
public sealed class InstitutionPaymentTests
{
    private static readonly DateTimeOffset At = Instant("2026-04-02T10:00:00+08:00");

    [Fact]
    public void Twelve_applicants_are_paid_for_with_one_receipt_carrying_the_exam_date_and_head_count()
    {
        var (builder, registrations) = Approved(12);
        var id = Guid.NewGuid();

        var payment = Payment.Submit(id, Lines(builder, registrations), Claim(1200m), Guid.NewGuid(), false, Staff, At, Batch2);

        Assert.Equal("考核日期：2026年4月25日；人数：12人", payment.Remark);
        Assert.Equal(12, payment.HeadCount);
        Assert.Equal(1200m, payment.ExpectedAmount);
        Assert.Equal(RegistrationChannel.Institution, payment.Channel);
        Assert.Equal(7, payment.InstitutionId);
        Assert.Null(payment.CandidateUserId);
        Assert.Equal("staff-1", payment.SubmittedByUserId);
        Assert.Equal(registrations.Select(r => r.Id), payment.RegistrationIds);
        Assert.All(registrations, r =>
        {
            Assert.Equal(RegistrationStatus.PaymentSubmitted, r.Status);
            Assert.Equal(id, r.PaymentId);
            Assert.Equal(RegistrationActions.PaymentSubmitted, r.History[^1].Action);
            Assert.Equal(("staff-1", (Role?)Role.InstitutionStaff), (r.History[^1].ActorUserId, r.History[^1].ActorRole));
            Assert.Equal("转账金额¥1,200.00，流水号INST202604", r.History[^1].Note);
        });
    }

    [Fact]
    public void The_institution_remark_is_written_as_the_announcement_asks()
    {
        Assert.Equal("考核日期：2026年4月25日；人数：12人", PaymentRemark.ForInstitution(D("2026-04-25"), 12));
        Assert.Equal("考核日期：2026年12月5日；人数：1人", PaymentRemark.ForInstitution(D("2026-12-05"), 1));
    }

    [Fact]
    public void An_amount_short_of_the_total_is_refused_naming_the_total_and_head_count_and_no_applicant_moves()
    {
        var (builder, registrations) = Approved(12);

        var error = Assert.Throws<DomainRuleException>(
            () => Payment.Submit(Guid.NewGuid(), Lines(builder, registrations), Claim(1100m), Guid.NewGuid(), false, Staff, At, Batch2));

        Assert.Equal("转账金额¥1,100.00与12人应缴合计¥1,200.00不一致，请核对回单上的转账金额或所选考生", error.Message);
        Assert.Contains("¥1,200.00", error.Message, StringComparison.Ordinal);
        Assert.Contains("12人", error.Message, StringComparison.Ordinal);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Approved, r.Status));
        Assert.All(registrations, r => Assert.Null(r.PaymentId));
    }

    [Fact]
    public void Lines_of_different_projects_add_up_their_own_fees()
    {
        var (_, registrations) = Approved(2);
        PaymentLine[] lines = [new(registrations[0], 100m, "大数据运行平台搭建"), new(registrations[1], 150m, "碳排放核算")];

        var payment = Payment.Submit(Guid.NewGuid(), lines, Claim(250m), Guid.NewGuid(), false, Staff, At, Batch2);

        Assert.Equal(250m, payment.ExpectedAmount);
        Assert.Equal("考核日期：2026年4月25日；人数：2人", payment.Remark);
    }

    [Fact]
    public void A_line_from_another_batch_is_refused()
    {
        var (builder, registrations) = Approved(2);
        var other = A.Registration().ThroughInstitution().InBatch(3).Submitted().Approved().Build();

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [.. Lines(builder, registrations), builder.Line(other)], Claim(300m), Guid.NewGuid(), false, Staff, At, Batch2));

        Assert.Equal("一张回单只能缴纳同一批次考生的费用，请按批次分别缴费", error.Message);
        Assert.All(registrations.Append(other), r => Assert.Equal(RegistrationStatus.Approved, r.Status));
    }

    [Fact]
    public void A_line_of_another_institution_or_an_individual_is_refused()
    {
        var (builder, registrations) = Approved(1);
        var otherInstitution = A.Registration().ThroughInstitution().OfInstitution(8).Submitted().Approved().Build();
        var individual = A.Registration().Submitted().Approved().Build();

        var first = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(registrations[0]), builder.Line(otherInstitution)], Claim(200m), Guid.NewGuid(), false, Staff, At, Batch2));
        var second = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [builder.Line(registrations[0]), builder.Line(individual)], Claim(200m), Guid.NewGuid(), false, Staff, At, Batch2));

        Assert.Equal("一张回单只能缴纳同一报名机构的考生的费用", first.Message);
        Assert.Equal("一张回单只能缴纳同一报名机构的考生的费用", second.Message);
        Assert.Equal(RegistrationStatus.Approved, registrations[0].Status);
        Assert.Equal(RegistrationStatus.Approved, otherInstitution.Status);
        Assert.Equal(RegistrationStatus.Approved, individual.Status);
    }

    [Fact]
    public void The_same_applicant_twice_on_one_receipt_is_refused()
    {
        var (builder, registrations) = Approved(2);

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [.. Lines(builder, registrations), builder.Line(registrations[0])], Claim(300m), Guid.NewGuid(), false, Staff, At, Batch2));

        Assert.Equal("同一名考生不能在一张回单中出现两次", error.Message);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Approved, r.Status));
    }

    [Fact]
    public void One_applicant_who_may_not_pay_stops_the_whole_receipt_and_is_named()
    {
        var (builder, registrations) = Approved(3);
        var pending = A.Registration().ThroughInstitution().Named("王五").Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), [.. Lines(builder, registrations), builder.Line(pending)], Claim(400m), Guid.NewGuid(), false, Staff, At, Batch2));

        Assert.Equal("王五：只有“审核通过”或“缴费退回”的报名可以缴费，本报名当前为“待审核”", error.Message);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Approved, r.Status));
        Assert.All(registrations, r => Assert.Null(r.PaymentId));
        Assert.Equal(RegistrationStatus.Submitted, pending.Status);
    }

    [Theory]
    [InlineData("candidate-1", Role.Candidate)]
    [InlineData("reviewer-1", Role.CentreReviewer)]
    [InlineData("finance-1", Role.CentreFinance)]
    public void Only_institution_staff_pay_for_institution_applicants(string userId, Role role)
    {
        var (builder, registrations) = Approved(1);

        var error = Assert.Throws<DomainRuleException>(() => Payment.Submit(
            Guid.NewGuid(), Lines(builder, registrations), Claim(100m), Guid.NewGuid(), false, new Actor(userId, role), At, Batch2));

        Assert.Equal("机构报名只能由报名机构经办人办理", error.Message);
        Assert.Equal(RegistrationStatus.Approved, registrations[0].Status);
    }

    [Fact]
    public void An_institution_receipt_is_never_a_proxy_payment_and_needs_no_proxy_confirmation()
    {
        var (builder, registrations) = Approved(2);

        var payment = Payment.Submit(
            Guid.NewGuid(), Lines(builder, registrations), Claim(200m) with { PaidByOther = true }, Guid.NewGuid(), false, Staff, At, Batch2);

        Assert.False(payment.PaidByOther);
        Assert.Equal("考核日期：2026年4月25日；人数：2人", payment.Remark);
        Assert.Equal("成都某职业培训学校", payment.PayerName);
    }

    private static (RegistrationBuilder Builder, List<Registration> Registrations) Approved(int count)
    {
        var builder = A.Registration().ThroughInstitution().Submitted().Approved();
        var registrations = Enumerable.Range(1, count).Select(i => builder.Named($"考生{i:00}").Build()).ToList();
        return (builder, registrations);
    }

    private static List<PaymentLine> Lines(RegistrationBuilder builder, IEnumerable<Registration> registrations) =>
        [.. registrations.Select(builder.Line)];

    private static PaymentClaim Claim(decimal amount) =>
        new("成都某职业培训学校", amount, D("2026-04-02"), "inst 202604", PaidByOther: false);
}
