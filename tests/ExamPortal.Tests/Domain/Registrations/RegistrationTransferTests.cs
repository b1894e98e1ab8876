using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// After its plan is cancelled a registration may move, once, into a batch still open for registration
// (batch 3: registration 3/31–4/13, payment 4/27–4/29). What was entered always travels; the review result
// travels only when the centre says so, and a confirmed fee travels with it.
public sealed class RegistrationTransferTests
{
    private const string Title = "2026年第3批 大数据运行平台搭建";

    private static readonly BatchSchedule Batch3 = BatchSchedule.From(Announcement2026.Batches[2]);
    private static readonly DateTimeOffset TransferAt = Instant("2026-04-10T10:00:00+08:00");

    [Fact]
    public void Without_the_review_the_new_registration_is_a_draft_with_the_same_details_and_files()
    {
        var source = Cancelled(RegistrationStatus.Approved);
        var id = Guid.NewGuid();

        var target = source.TransferTo(id, examPlanId: 31, batchId: 3, Title, Batch3, carryOverReview: false, Candidate, TransferAt);

        Assert.Equal(id, target.Id);
        Assert.Equal(RegistrationStatus.Draft, target.Status);
        Assert.Equal((31, 3), (target.ExamPlanId, target.BatchId));
        Assert.Equal(source.Details, target.Details);
        Assert.Equal((source.IdDocumentType, source.IdNumber), (target.IdDocumentType, target.IdNumber));
        Assert.Equal((source.Channel, source.CandidateUserId, source.InstitutionId), (target.Channel, target.CandidateUserId, target.InstitutionId));
        Assert.Equal(source.Documents.Select(d => (d.Slot, d.FileId)), target.Documents.Select(d => (d.Slot, d.FileId)));
        Assert.All(target.Documents, d => Assert.Equal(TransferAt, d.AttachedAt));
        Assert.Equal(source.CommitmentWording, target.CommitmentWording);
        Assert.Null(target.SubmittedAt);
        Assert.Null(target.DecidedAt);
        Assert.Null(target.PaymentId);
        Assert.Equal(TransferAt, target.CreatedAt);
        Assert.Equal(source.Id, target.TransferredFromId);
        Assert.Null(target.TransferredToId);
        var entry = Assert.Single(target.History);
        Assert.Equal((RegistrationActions.TransferredIn, (RegistrationStatus?)null, RegistrationStatus.Draft), (entry.Action, entry.From, entry.To));
        Assert.Equal("保留已填信息和材料，审核结果不保留，须重新提交审核", entry.Note);
        Assert.Equal(target.Id, entry.RegistrationId);
    }

    [Fact]
    public void The_source_records_where_it_went_and_stays_cancelled()
    {
        var source = Cancelled(RegistrationStatus.Approved);
        var historyBefore = source.History.Count;

        var target = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, Candidate, TransferAt);

        Assert.Equal(target.Id, source.TransferredToId);
        Assert.Equal(RegistrationStatus.Cancelled, source.Status);
        Assert.Equal(historyBefore + 1, source.History.Count);
        var entry = source.History[^1];
        Assert.Equal(
            (RegistrationActions.TransferredOut, (RegistrationStatus?)RegistrationStatus.Cancelled, RegistrationStatus.Cancelled, "转入" + Title),
            (entry.Action, entry.From, entry.To, entry.Note));
        Assert.Equal((CandidateUserId, (Role?)Role.Candidate, TransferAt), (entry.ActorUserId, entry.ActorRole, entry.At));
        Assert.False(source.CanTransfer(Candidate, TransferAt, Batch3));
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, false, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Draft, true, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Submitted, true, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Returned, true, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Approved, false, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Approved, true, RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentSubmitted, true, RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentReturned, true, RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentConfirmed, false, RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.PaymentConfirmed, true, RegistrationStatus.PaymentConfirmed)]
    public void What_the_review_carries_depends_on_where_the_cancelled_registration_stood(RegistrationStatus cancelledFrom, bool carryOverReview, RegistrationStatus expected)
    {
        var source = Cancelled(cancelledFrom);

        var target = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, carryOverReview, Candidate, TransferAt);

        Assert.Equal(cancelledFrom, source.CancelledFrom);
        Assert.Equal(expected, target.Status);
        Assert.Equal(expected, Assert.Single(target.History).To);
        Assert.Equal(expected == RegistrationStatus.PaymentConfirmed ? source.PaymentId : null, target.PaymentId);
        Assert.Equal(expected == RegistrationStatus.PaymentConfirmed, target.IsLocked);
        Assert.Equal(expected == RegistrationStatus.Draft ? null : source.DecidedAt, target.DecidedAt);
        Assert.Equal(expected == RegistrationStatus.Draft ? null : source.SubmittedAt, target.SubmittedAt);
        Assert.Null(target.PaymentReturnReason);
    }

    [Fact]
    public void A_confirmed_fee_travels_with_the_review()
    {
        var source = Cancelled(RegistrationStatus.PaymentConfirmed);

        var target = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, carryOverReview: true, Candidate, TransferAt);

        Assert.Equal(RegistrationStatus.PaymentConfirmed, target.Status);
        Assert.NotNull(source.PaymentId);
        Assert.Equal(source.PaymentId, target.PaymentId);
        Assert.Equal(source.PaymentConfirmedAt, target.PaymentConfirmedAt);
        Assert.Equal("保留已填信息、材料和审核结果（确认收费）", target.History[0].Note);
        Assert.Null(target.NextStep(TransferAt, Batch3));
    }

    [Fact]
    public void An_approved_registration_carried_over_pays_in_the_new_batch()
    {
        var builder = A.Registration().In(RegistrationStatus.Approved).Cancelled();
        var source = builder.Build();
        var target = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, carryOverReview: true, Candidate, TransferAt);
        var at = Instant("2026-04-28T10:00:00+08:00");

        Assert.Equal(("在缴费期内缴费并上传银行回单", D("2026-04-29")), target.NextStep(at, Batch3));
        var payment = Payment.Submit(
            Guid.NewGuid(), [builder.Line(target)], OwnClaim(target) with { TransferDate = D("2026-04-28") }, Guid.NewGuid(), false, Candidate, at, Batch3);

        Assert.Equal(3, payment.BatchId);
        Assert.Equal([target.Id], payment.RegistrationIds);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, target.Status);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentConfirmed)]
    [InlineData(RegistrationStatus.Rejected)]
    [InlineData(RegistrationStatus.Abandoned)]
    public void Only_a_registration_whose_plan_was_cancelled_transfers(RegistrationStatus status)
    {
        var registration = A.Registration().In(status).Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, true, Candidate, TransferAt));

        Assert.Equal("只有考核计划被取消的报名可以转入其他批次", error.Message);
        Assert.False(registration.CanTransfer(Candidate, TransferAt, Batch3));
        Assert.Null(registration.TransferredToId);
    }

    [Fact]
    public void A_registration_transfers_once()
    {
        var source = Cancelled(RegistrationStatus.Approved);
        var first = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, Candidate, TransferAt);
        var history = source.History.Count;

        var error = Assert.Throws<DomainRuleException>(
            () => source.TransferTo(Guid.NewGuid(), 41, 4, "2026年第4批", Batch3, false, Candidate, TransferAt));

        Assert.Equal("本报名已转入其他批次，不能重复转入", error.Message);
        Assert.Equal(first.Id, source.TransferredToId);
        Assert.Equal(history, source.History.Count);
    }

    [Theory]
    [InlineData("2026-04-14T00:00:00+08:00")]
    [InlineData("2026-04-13T16:00:00Z")]
    [InlineData("2026-04-20T10:00:00+08:00")]
    public void A_target_batch_whose_registration_has_closed_is_refused(string at)
    {
        var source = Cancelled(RegistrationStatus.Approved);

        var error = Assert.Throws<DomainRuleException>(
            () => source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, Candidate, Instant(at)));

        Assert.Equal("目标批次的报名已于2026年4月13日截止，请选择报名尚未截止的批次", error.Message);
        Assert.Null(source.TransferredToId);
    }

    [Fact]
    public void The_last_registration_day_of_the_target_batch_is_still_in_time()
    {
        var source = Cancelled(RegistrationStatus.Approved);
        var at = Instant("2026-04-13T23:59:59+08:00");

        Assert.True(source.CanTransfer(Candidate, at, Batch3));
        var target = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, Candidate, at);

        Assert.Equal(source.Id, target.TransferredFromId);
    }

    [Theory]
    [InlineData("candidate-2", Role.Candidate)]
    [InlineData("staff-1", Role.InstitutionStaff)]
    [InlineData("admin-1", Role.CentreAdmin)]
    public void Only_the_owner_transfers(string userId, Role role)
    {
        var source = Cancelled(RegistrationStatus.Approved);
        var by = new Actor(userId, role);

        var error = Assert.Throws<DomainRuleException>(() => source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, by, TransferAt));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
        Assert.False(source.CanTransfer(by, TransferAt, Batch3));
        Assert.Null(source.TransferredToId);
    }

    [Fact]
    public void Institution_staff_transfer_their_applicant_keeping_the_first_review_only_with_the_review()
    {
        var source = A.Registration().ThroughInstitution().In(RegistrationStatus.Approved).Cancelled().Build();
        var other = A.Registration().ThroughInstitution().In(RegistrationStatus.Approved).Cancelled().Build();

        var carried = source.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, true, Staff, TransferAt);
        var fresh = other.TransferTo(Guid.NewGuid(), 31, 3, Title, Batch3, false, Staff, TransferAt);

        Assert.Equal(RegistrationStatus.Approved, carried.Status);
        Assert.Equal(source.FirstReviewPassedAt, carried.FirstReviewPassedAt);
        Assert.Equal(7, carried.InstitutionId);
        Assert.Equal(RegistrationStatus.Draft, fresh.Status);
        Assert.Null(fresh.FirstReviewPassedAt);
    }

    [Fact]
    public void A_transfer_needs_a_new_id_and_a_target_title()
    {
        var source = Cancelled(RegistrationStatus.Approved);

        Assert.Throws<ArgumentException>(() => source.TransferTo(Guid.Empty, 31, 3, Title, Batch3, false, Candidate, TransferAt));
        Assert.Throws<ArgumentException>(() => source.TransferTo(Guid.NewGuid(), 31, 3, " ", Batch3, false, Candidate, TransferAt));
        Assert.Null(source.TransferredToId);
    }

    private static Registration Cancelled(RegistrationStatus from) => A.Registration().In(from).Cancelled().Build();
}
