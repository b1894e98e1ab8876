using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// The form can be changed while it is a draft in the registration window, or after a return until the
// review window ends (退回修改的须在审核期内提交修改); edits are not transitions and leave no history entry.
public sealed class RegistrationEditTests
{
    private static readonly DateTimeOffset During = Instant("2026-03-20T10:00:00+08:00");

    public static TheoryData<RegistrationStatus, string> Closed => new()
    {
        { RegistrationStatus.Submitted, "本报名当前为“待审核”，不能修改" },
        { RegistrationStatus.Approved, "本报名当前为“审核通过”，不能修改" },
        { RegistrationStatus.Rejected, "本报名当前为“审核不通过”，不能修改" },
    };

    [Theory]
    [MemberData(nameof(Closed))]
    public void EditsAreRefusedOnceSubmittedOrDecided(RegistrationStatus state, string message)
    {
        var builder = A.Registration().Submitted();
        builder = state switch
        {
            RegistrationStatus.Approved => builder.Approved(),
            RegistrationStatus.Rejected => builder.Rejected(),
            _ => builder,
        };
        var registration = builder.Build();
        var details = registration.Details;
        var documents = registration.Documents.Select(d => d.FileId).ToList();

        Assert.False(registration.CanEdit(During, Batch2));
        Assert.Equal(message, Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details with { Address = "新地址" }, Candidate, During, Batch2)).Message);
        Assert.Equal(message, Assert.Throws<DomainRuleException>(
            () => registration.AttachDocument(DocumentSlot.Photo, Guid.NewGuid(), Candidate, During, Batch2)).Message);
        Assert.Equal(message, Assert.Throws<DomainRuleException>(
            () => registration.AcceptCommitment(Commitment, Candidate, During, Batch2)).Message);
        Assert.Same(details, registration.Details);
        Assert.Equal(documents, registration.Documents.Select(d => d.FileId));
        Assert.Equal(CreatedAt, registration.CommitmentAcceptedAt);
    }

    [Fact]
    public void EditsAreAllowedAgainAfterAReturnWhileTheReviewWindowIsOpen()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();
        var photo = Guid.NewGuid();
        var at = Instant("2026-03-27T23:00:00+08:00");

        Assert.True(registration.CanEdit(at, Batch2));
        registration.SaveDetails(builder.Details with { Address = "四川省成都市青羊区" }, Candidate, at, Batch2);
        registration.AttachDocument(DocumentSlot.Photo, photo, Candidate, at, Batch2);
        registration.AcceptCommitment(Commitment, Candidate, at, Batch2);

        Assert.Equal("四川省成都市青羊区", registration.Details?.Address);
        Assert.Equal(photo, registration.DocumentIn(DocumentSlot.Photo)?.FileId);
        Assert.Equal(at, registration.CommitmentAcceptedAt);
        Assert.Equal(3, registration.History.Count);
        Assert.Equal(RegistrationStatus.Returned, registration.Status);
    }

    [Fact]
    public void EditsAfterAReturnAreRefusedOnceTheReviewWindowHasEnded()
    {
        var builder = A.Registration().Submitted().Returned();
        var registration = builder.Build();
        var at = Instant("2026-03-28T00:00:00+08:00");

        var error = Assert.Throws<DomainRuleException>(
            () => registration.AttachDocument(DocumentSlot.Photo, Guid.NewGuid(), Candidate, at, Batch2));

        Assert.False(registration.CanEdit(at, Batch2));
        Assert.Equal("本批次审核时间为2026年3月16日至3月27日，现已截止；未在审核期内提交修改的报名为逾期未修改，不再受理", error.Message);
    }

    [Fact]
    public void ADraftCannotBeEditedAfterRegistrationCloses()
    {
        var builder = A.Registration();
        var registration = builder.Build();
        var at = Instant("2026-03-17T00:00:00+08:00");

        var error = Assert.Throws<DomainRuleException>(() => registration.SaveDetails(builder.Details, Candidate, at, Batch2));

        Assert.False(registration.CanEdit(at, Batch2));
        Assert.True(registration.CanEdit(Instant("2026-03-16T23:59:59+08:00"), Batch2));
        Assert.Equal("本批次报名时间为2026年3月9日至3月16日，现已截止", error.Message);
    }

    [Fact]
    public void EditsAddNoHistory()
    {
        var registration = A.Registration().Build();

        Assert.Single(registration.History);
    }

    [Fact]
    public void SomeoneElseCannotEdit()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details, new Actor("candidate-2", Role.Candidate), CreatedAt, Batch2));

        Assert.Equal("考生个人报名只能由考生本人办理", error.Message);
    }

    [Fact]
    public void ANewFileReplacesTheSlotsPreviousOne()
    {
        var registration = A.Registration().Build();
        var first = registration.DocumentIn(DocumentSlot.EducationProof)!.FileId;
        var second = Guid.NewGuid();
        var at = Instant("2026-03-11T08:30:00+08:00");

        registration.AttachDocument(DocumentSlot.EducationProof, second, Candidate, at, Batch2);

        var proof = Assert.Single(registration.Documents, d => d.Slot == DocumentSlot.EducationProof);
        Assert.Equal(second, proof.FileId);
        Assert.NotEqual(first, proof.FileId);
        Assert.Equal(at, proof.AttachedAt);
        Assert.Equal(6, registration.Documents.Count);
    }

    [Fact]
    public void TheCommitmentIsKeptVerbatimWithItsTime()
    {
        var registration = A.Registration().WithoutCommitment().Build();
        const string wording = "  本人承诺：所填信息真实。\n如有不实，后果自负。 ";
        var at = Instant("2026-03-11T09:15:00+08:00");

        registration.AcceptCommitment(wording, Candidate, at, Batch2);

        Assert.Equal(wording, registration.CommitmentWording);
        Assert.Equal(at, registration.CommitmentAcceptedAt);
    }

    [Fact]
    public void DetailsAreStoredTrimmedWithTheMobileNormalised()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        registration.SaveDetails(
            builder.Details with
            {
                FullName = " 张三 ",
                Mobile = "+86 138-1234-5678",
                MajorGroupName = "  ",
                Occupation = " 护士 ",
                Declarations = [" 具有计算机操作能力 ", "具有计算机操作能力", ""],
            },
            Candidate, CreatedAt, Batch2);

        Assert.Equal("张三", registration.Details?.FullName);
        Assert.Equal("13812345678", registration.Details?.Mobile);
        Assert.Null(registration.Details?.MajorGroupName);
        Assert.Equal("护士", registration.Details?.Occupation);
        Assert.Equal(["具有计算机操作能力"], registration.Details?.Declarations);
    }

    [Fact]
    public void NullTextFromModelBindingIsStoredAsEmpty()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        registration.SaveDetails(builder.Details with { School = null!, Employer = null!, Declarations = null! }, Candidate, CreatedAt, Batch2);

        Assert.Equal(string.Empty, registration.Details?.School);
        Assert.Equal(string.Empty, registration.Details?.Employer);
        Assert.Equal([], registration.Details?.Declarations);
    }

    [Fact]
    public void AnInvalidMobileIsRefusedSayingWhatToChange()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details with { Mobile = "1381234" }, Candidate, CreatedAt, Batch2));

        Assert.Equal("手机号码应为11位数字，您输入了7位", error.Message);
    }

    [Fact]
    public void TheBirthDateMustAgreeWithTheIdNumber()
    {
        var builder = A.Registration().BornOn(D("1990-03-07"));
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details with { BirthDate = D("1980-03-07") }, Candidate, CreatedAt, Batch2));

        Assert.Equal("出生日期应与证件号码一致（1990年3月7日），请核对", error.Message);
    }

    [Fact]
    public void TheGenderMustAgreeWithTheIdNumber()
    {
        var builder = A.Registration();
        var registration = builder.Build();

        var error = Assert.Throws<DomainRuleException>(
            () => registration.SaveDetails(builder.Details with { Gender = Gender.Female }, Candidate, CreatedAt, Batch2));

        Assert.Equal("性别应与证件号码一致（男），请核对", error.Message);
    }

    [Fact]
    public void APassportCarriesNoBirthDateSoAnyIsAccepted()
    {
        var registration = Registration.StartDraft(
            Guid.NewGuid(), CandidateUserId, RegistrationChannel.Individual, null, 11, 2,
            IdDocumentType.Passport, "e1234 5678", Candidate, CreatedAt, Batch2);

        registration.SaveDetails(
            new PersonalDetails { FullName = "John Smith", BirthDate = D("1985-01-01"), Education = EducationLevel.Bachelor },
            Candidate, CreatedAt, Batch2);

        Assert.Equal("E12345678", registration.IdNumber);
        Assert.Equal(D("1985-01-01"), registration.Details?.BirthDate);
    }
}
