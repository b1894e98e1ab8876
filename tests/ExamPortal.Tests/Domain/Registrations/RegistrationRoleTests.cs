using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// Who may do what: the candidate their own individual registration, institution staff an institution's,
// the centre's reviewers (and its administrator) the review.
public sealed class RegistrationRoleTests
{
    private const string OnlyReviewers = "只有省职鉴中心审核人员可以审核报名";
    private static readonly DateTimeOffset During = Instant("2026-03-20T10:00:00+08:00");

    [Fact]
    public void ACandidateCannotApprove()
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Approve(Candidate, During, Batch2, null));

        Assert.Equal(OnlyReviewers, error.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.False(registration.CanReview(Candidate, During, Batch2));
    }

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public void OnlyReviewersReview(Role role)
    {
        var registration = A.Registration().Submitted().Build();
        var actor = new Actor("someone", role);

        Assert.False(registration.CanReview(actor, During, Batch2));
        Assert.Equal(OnlyReviewers, Assert.Throws<DomainRuleException>(() => registration.Approve(actor, During, Batch2, null)).Message);
        Assert.Equal(OnlyReviewers, Assert.Throws<DomainRuleException>(() => registration.Reject(actor, During, Batch2, "不符合")).Message);
        Assert.Equal(OnlyReviewers, Assert.Throws<DomainRuleException>(() => registration.Return(actor, During, Batch2, "补材料", ["个人申报表"])).Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(2, registration.History.Count);
    }

    [Fact]
    public void FinanceCannotReview()
    {
        var registration = A.Registration().Submitted().Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.Approve(new Actor("finance-1", Role.CentreFinance), During, Batch2, null));

        Assert.Equal(OnlyReviewers, error.Message);
    }

    [Fact]
    public void TheCentreAdministratorMayReview()
    {
        var registration = A.Registration().Submitted().Build();

        registration.Approve(new Actor("admin-1", Role.CentreAdmin), During, Batch2, null);

        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Equal(Role.CentreAdmin, registration.History[^1].ActorRole);
    }

    [Fact]
    public void AnotherCandidateCannotSubmitSomeoneElsesRegistration()
    {
        var builder = A.Registration();
        var registration = builder.Build();
        var other = new Actor("candidate-2", Role.Candidate);

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(other, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
        Assert.False(registration.CanSubmit(other, SubmittedAt, Batch2, builder.Rule));
        Assert.Equal(RegistrationStatus.Draft, registration.Status);
    }

    [Fact]
    public void InstitutionStaffCannotSubmitAnIndividualRegistration()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Staff, SubmittedAt, Batch2, builder.Rule));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
    }

    [Fact]
    public void AnInstitutionRegistrationIsSubmittedByStaffNotByTheCandidate()
    {
        var builder = A.Registration().ThroughInstitution();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Submit(Candidate, SubmittedAt, Batch2, builder.Rule));
        registration.PassFirstReview(Staff, SubmittedAt, Batch2);
        registration.Submit(Staff, SubmittedAt, Batch2, builder.Rule);

        Assert.Equal("机构报名只能由报名机构经办人办理", error.Message);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(RegistrationChannel.Institution, registration.Channel);
        Assert.Equal(7, registration.InstitutionId);
        Assert.Equal(("staff-1", Role.InstitutionStaff), (registration.History[^1].ActorUserId, registration.History[^1].ActorRole));
    }

    [Fact]
    public void OnlyTheOwnerResubmits()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.Resubmit(Reviewer, ResubmittedAt, Batch2, builder.Rule));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
        Assert.Equal(RegistrationStatus.Returned, registration.Status);
    }

    [Theory]
    [InlineData(RegistrationChannel.Individual, "candidate-2", Role.Candidate, "考生个人报名只能由考生本人办理")]
    [InlineData(RegistrationChannel.Individual, "staff-1", Role.InstitutionStaff, "考生个人报名只能由考生本人办理")]
    [InlineData(RegistrationChannel.Institution, "candidate-1", Role.Candidate, "机构报名只能由报名机构经办人办理")]
    [InlineData(RegistrationChannel.Institution, "reviewer-1", Role.CentreReviewer, "机构报名只能由报名机构经办人办理")]
    public void OnlyTheOwnerStartsADraft(RegistrationChannel channel, string userId, Role role, string message)
    {
        var error = Assert.Throws<DomainRuleException>(() => Registration.StartDraft(
            Guid.NewGuid(), channel == RegistrationChannel.Institution ? null : CandidateUserId, channel, channel == RegistrationChannel.Institution ? 7 : null, 11, 2,
            IdDocumentType.ResidentIdCard, "510107199003071236", new Actor(userId, role), CreatedAt, Batch2));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(RegistrationChannel.Individual, null)]
    [InlineData(RegistrationChannel.Institution, "candidate-1")]
    public void An_individual_registration_has_an_account_and_an_institution_one_has_none(RegistrationChannel channel, string? candidateUserId) =>
        Assert.Throws<ArgumentException>(() => Registration.StartDraft(
            Guid.NewGuid(), candidateUserId, channel, channel == RegistrationChannel.Institution ? 7 : null, 11, 2,
            IdDocumentType.ResidentIdCard, "510107199003071236", new Actor("staff-1", Role.InstitutionStaff), CreatedAt, Batch2));
}
