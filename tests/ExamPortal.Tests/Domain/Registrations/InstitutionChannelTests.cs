using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

/// <summary>双承诺制: the institution's first review and its submission, for applicants with no account of their own.</summary>
public sealed class InstitutionChannelTests
{
    private const string QualityCommitment = "本机构已对所报考生资格进行初审，对审核的合规性负责。";

    [Fact]
    public void An_institution_applicant_needs_the_first_review_but_no_address_proof_type_or_online_commitment()
    {
        var registration = A.Registration().ThroughInstitution().WithoutCommitment().Build();

        Assert.Equal(["机构初审"], registration.MissingForSubmission());
        Assert.Empty(registration.MissingForFirstReview());
    }

    [Fact]
    public void The_first_review_passes_only_a_complete_applicant_and_is_recorded_in_the_trail()
    {
        var incomplete = A.Registration().ThroughInstitution().WithoutDocument(DocumentSlot.IdCardBack).Build();
        var complete = A.Registration().ThroughInstitution().Build();

        var error = Assert.Throws<DomainRuleException>(() => incomplete.PassFirstReview(Staff, SubmittedAt, Batch2));
        complete.PassFirstReview(Staff, SubmittedAt, Batch2);

        Assert.Contains("身份证反面", error.Message, StringComparison.Ordinal);
        Assert.NotNull(complete.FirstReviewPassedAt);
        Assert.Equal(RegistrationStatus.Draft, complete.Status);
        Assert.Equal((RegistrationActions.FirstReviewPassed, RegistrationStatus.Draft, RegistrationStatus.Draft), (complete.History[^1].Action, complete.History[^1].From, complete.History[^1].To));
    }

    [Fact]
    public void Changing_a_reviewed_applicant_takes_the_first_review_back()
    {
        var registration = A.Registration().ThroughInstitution().Build();
        registration.PassFirstReview(Staff, SubmittedAt, Batch2);

        registration.AttachDocument(DocumentSlot.Photo, Guid.NewGuid(), Staff, SubmittedAt, Batch2);

        Assert.Null(registration.FirstReviewPassedAt);
        Assert.Throws<DomainRuleException>(() => registration.SubmitThroughInstitution(Staff, SubmittedAt, Batch2, A.Registration().Rule, Guid.NewGuid(), QualityCommitment));
    }

    [Fact]
    public void Submitting_through_the_institution_records_the_submission_and_its_commitment()
    {
        var builder = A.Registration().ThroughInstitution();
        var registration = builder.Build();
        var submission = Guid.NewGuid();
        registration.PassFirstReview(Staff, SubmittedAt, Batch2);

        registration.SubmitThroughInstitution(Staff, SubmittedAt, Batch2, builder.Rule, submission, QualityCommitment);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(submission, registration.InstitutionSubmissionId);
        Assert.Equal(QualityCommitment, registration.CommitmentWording);
    }

    [Fact]
    public void A_returned_institution_applicant_is_fixed_reviewed_again_and_resubmitted()
    {
        var builder = A.Registration().ThroughInstitution();
        var registration = builder.Build();
        registration.PassFirstReview(Staff, SubmittedAt, Batch2);
        registration.SubmitThroughInstitution(Staff, SubmittedAt, Batch2, builder.Rule, Guid.NewGuid(), QualityCommitment);
        registration.Return(Reviewer, ReviewedAt, Batch2, "身份证反面不清晰", ["身份证反面"]);

        registration.AttachDocument(DocumentSlot.IdCardBack, Guid.NewGuid(), Staff, ReviewedAt, Batch2);
        registration.PassFirstReview(Staff, ReviewedAt, Batch2);
        registration.SubmitThroughInstitution(Staff, ReviewedAt, Batch2, builder.Rule, Guid.NewGuid(), QualityCommitment);

        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Equal(RegistrationActions.Resubmitted, registration.History[^1].Action);
    }

    [Fact]
    public void An_individual_registration_has_no_first_review()
    {
        var registration = A.Registration().Build();

        var error = Assert.Throws<DomainRuleException>(() => registration.PassFirstReview(new Actor("staff-1", Role.InstitutionStaff), SubmittedAt, Batch2));

        Assert.Equal("只有机构报名需要机构初审", error.Message);
    }
}
