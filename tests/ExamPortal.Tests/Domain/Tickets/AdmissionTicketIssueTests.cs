using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Tickets;

public sealed class AdmissionTicketIssueTests
{
    [Fact]
    public void Issuing_moves_a_confirmed_registration_to_ticket_issued_with_a_history_entry_naming_the_number()
    {
        var registration = A.Registration().Submitted().Approved().PaymentConfirmed().Build();

        var ticket = AdmissionTicket.Issue(Guid.NewGuid(), registration, "202602010007", 7, 3, 12, ExamStaff, TicketIssuedAt, Batch2);

        Assert.Equal(RegistrationStatus.TicketIssued, registration.Status);
        Assert.Equal("已发准考证", RegistrationStatuses.DisplayName(registration.Status));
        var entry = registration.History[^1];
        Assert.Equal((RegistrationActions.TicketIssued, "准考证号202602010007", RegistrationStatus.PaymentConfirmed), (entry.Action, entry.Note, entry.From));
        Assert.Equal((registration.Id, registration.ExamPlanId, registration.BatchId, 7, 3, 12), (ticket.RegistrationId, ticket.ExamPlanId, ticket.BatchId, ticket.Sequence, ticket.ExamRoomId, ticket.Seat));
        Assert.Equal(TicketIssuedAt.ToUniversalTime(), ticket.IssuedAt);
        Assert.True(AdmissionTicket.IsValid(registration.Status));
    }

    [Theory]
    [InlineData(RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.PaymentSubmitted)]
    [InlineData(RegistrationStatus.PaymentReturned)]
    [InlineData(RegistrationStatus.Abandoned)]
    [InlineData(RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.TicketIssued)]
    public void Only_a_confirmed_registration_gets_a_ticket(RegistrationStatus status)
    {
        var registration = A.Registration().In(status).Build();
        var history = registration.History.Count;

        var error = Assert.Throws<DomainRuleException>(() =>
            AdmissionTicket.Issue(Guid.NewGuid(), registration, "202602010099", 99, 1, 99, ExamStaff, TicketIssuedAt, Batch2));

        Assert.Equal($"只有“确认收费”的报名可以发放准考证，本报名当前为“{RegistrationStatuses.DisplayName(status)}”", error.Message);
        Assert.Equal(status, registration.Status);
        Assert.Equal(history, registration.History.Count);
    }

    [Theory]
    [InlineData("2026-04-03T20:00:00+08:00", "缴费期至2026年4月3日结束，结束后才能发放准考证")]
    [InlineData("2026-04-25T08:00:00+08:00", "考核日期（2026年4月25日）已到，不能再发放准考证")]
    public void Tickets_wait_for_the_payment_window_to_close_and_stop_on_exam_day(string at, string expected)
    {
        var registration = A.Registration().Submitted().Approved().PaymentConfirmed().Build();

        var error = Assert.Throws<DomainRuleException>(() =>
            AdmissionTicket.Issue(Guid.NewGuid(), registration, "202602010001", 1, 1, 1, ExamStaff, Instant(at), Batch2));

        Assert.Equal(expected, error.Message);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
    }

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    public void Only_exam_staff_or_an_administrator_issue_tickets(Role role)
    {
        var registration = A.Registration().Submitted().Approved().PaymentConfirmed().Build();

        var error = Assert.Throws<DomainRuleException>(() =>
            AdmissionTicket.Issue(Guid.NewGuid(), registration, "202602010001", 1, 1, 1, new Actor("someone", role), TicketIssuedAt, Batch2));
        Assert.Equal("只有省职鉴中心考务人员可以发放准考证", error.Message);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        AdmissionTicket.Issue(Guid.NewGuid(), registration, "202602010001", 1, 1, 1, Admin, TicketIssuedAt, Batch2);
        Assert.Equal(RegistrationStatus.TicketIssued, registration.Status);
    }

    [Fact]
    public void A_ticket_holder_stays_locked_and_is_pointed_to_the_download()
    {
        var registration = A.Registration().Submitted().Approved().TicketIssued().Build();

        Assert.True(registration.IsLocked);
        Assert.True(registration.IsPaid);
        Assert.False(registration.CanEdit(TicketIssuedAt, Batch2));
        Assert.Equal(("在打印准考证时间内下载并用A4纸打印准考证", D("2026-04-24")), registration.NextStep(TicketIssuedAt, Batch2));
        Assert.Null(registration.NextStep(Instant("2026-04-25T08:00:00+08:00"), Batch2));
    }

    [Fact]
    public void A_cancelled_plan_voids_the_ticket_and_a_transfer_carries_the_paid_fee_not_the_ticket()
    {
        var registration = A.Registration().Submitted().Approved().TicketIssued().Cancelled().Build();

        Assert.False(AdmissionTicket.IsValid(registration.Status));
        Assert.Equal(RegistrationStatus.TicketIssued, registration.CancelledFrom);
        var target = ExamPortal.Domain.Batches.BatchSchedule.From(ExamPortal.Domain.Catalogue.Announcement2026.Batches[2]);
        var transferred = registration.TransferTo(Guid.NewGuid(), 31, 3, "2026年第3批", target, carryOverReview: true, Candidate, CancelledAt);

        Assert.Equal(RegistrationStatus.PaymentConfirmed, transferred.Status);
        Assert.Equal(registration.PaymentId, transferred.PaymentId);
    }

    [Fact]
    public void The_ticket_uses_the_portals_one_mask_of_the_id_number()
    {
        Assert.Equal("**************4512", ExamPortal.Domain.People.IdentityNumber.Mask("510104199203154512"));
        Assert.Equal("****5678", ExamPortal.Domain.People.IdentityNumber.Mask("12345678"));
    }
}
