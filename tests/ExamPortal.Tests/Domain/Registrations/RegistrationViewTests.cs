using System.Text.Json;
using System.Text.Json.Serialization;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;
using static ExamPortal.Tests.Domain.Registrations.RegistrationBuilder;

namespace ExamPortal.Tests.Domain.Registrations;

// What pages read off a registration: its names, whether it is live, the next step, and how it is stored.
public sealed class RegistrationViewTests
{
    [Theory]
    [InlineData(RegistrationStatus.Draft, "草稿")]
    [InlineData(RegistrationStatus.Submitted, "待审核")]
    [InlineData(RegistrationStatus.Approved, "审核通过")]
    [InlineData(RegistrationStatus.Rejected, "审核不通过")]
    [InlineData(RegistrationStatus.Returned, "退回修改")]
    [InlineData(RegistrationStatus.ReturnExpired, "逾期未修改")]
    [InlineData(RegistrationStatus.PaymentSubmitted, "待确认")]
    [InlineData(RegistrationStatus.PaymentReturned, "缴费退回")]
    [InlineData(RegistrationStatus.PaymentConfirmed, "确认收费")]
    [InlineData(RegistrationStatus.Abandoned, "已放弃")]
    [InlineData(RegistrationStatus.Cancelled, "考核计划取消")]
    public void StatusesUseTheAnnouncementsWords(RegistrationStatus status, string name)
    {
        Assert.Equal(name, RegistrationStatuses.DisplayName(status));
    }

    [Theory]
    [InlineData(DocumentSlot.Photo, "考生本人照片")]
    [InlineData(DocumentSlot.ApplicationForm, "个人申报表")]
    [InlineData(DocumentSlot.IntegrityCommitment, "个人诚信承诺书")]
    [InlineData(DocumentSlot.EducationProof, "学历或学籍证明")]
    [InlineData(DocumentSlot.IdCardFront, "身份证正面")]
    [InlineData(DocumentSlot.IdCardBack, "身份证反面")]
    public void SlotsUseTheAnnouncementsWords(DocumentSlot slot, string name)
    {
        Assert.Equal(name, DocumentSlots.DisplayName(slot));
    }

    [Fact]
    public void EverySlotIsRequiredAndAllButThePhotoAreScans()
    {
        Assert.Equal(
            [DocumentSlot.Photo, DocumentSlot.ApplicationForm, DocumentSlot.IntegrityCommitment, DocumentSlot.EducationProof,
                DocumentSlot.IdCardFront, DocumentSlot.IdCardBack],
            DocumentSlots.Required);
        Assert.Equal(
            [DocumentSlot.ApplicationForm, DocumentSlot.IntegrityCommitment, DocumentSlot.EducationProof,
                DocumentSlot.IdCardFront, DocumentSlot.IdCardBack],
            DocumentSlots.Scans);
    }

    [Theory]
    [InlineData(RegistrationChannel.Individual, "考生个人报名")]
    [InlineData(RegistrationChannel.Institution, "机构报名")]
    public void ChannelsUseTheAnnouncementsWords(RegistrationChannel channel, string name)
    {
        Assert.Equal(name, RegistrationChannels.DisplayName(channel));
    }

    [Fact]
    public void RejectedExpiredAbandonedAndCancelledAreNotLive()
    {
        Assert.Equal(
            [RegistrationStatus.Rejected, RegistrationStatus.ReturnExpired, RegistrationStatus.Abandoned, RegistrationStatus.Cancelled],
            Registration.NotLiveStatuses);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, true)]
    [InlineData(RegistrationStatus.Submitted, true)]
    [InlineData(RegistrationStatus.Approved, true)]
    [InlineData(RegistrationStatus.Rejected, false)]
    [InlineData(RegistrationStatus.Returned, true)]
    [InlineData(RegistrationStatus.ReturnExpired, false)]
    public void OneLiveRegistrationPerPersonPerBatch(RegistrationStatus state, bool live)
    {
        Assert.Equal(live, In(state).IsLive);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft, "2026-03-12T10:00:00+08:00", "完成填报并提交", "2026-03-16")]
    [InlineData(RegistrationStatus.Draft, "2026-03-16T23:59:59+08:00", "完成填报并提交", "2026-03-16")]
    [InlineData(RegistrationStatus.Draft, "2026-03-17T00:00:00+08:00", null, null)]
    [InlineData(RegistrationStatus.Submitted, "2026-03-20T10:00:00+08:00", "等待审核", "2026-03-27")]
    [InlineData(RegistrationStatus.Returned, "2026-03-20T10:00:00+08:00", "按退回意见修改后重新提交", "2026-03-27")]
    [InlineData(RegistrationStatus.Returned, "2026-03-28T00:00:00+08:00", null, null)]
    [InlineData(RegistrationStatus.Approved, "2026-03-20T10:00:00+08:00", "在缴费期内缴费并上传银行回单", "2026-04-03")]
    [InlineData(RegistrationStatus.Approved, "2026-04-04T00:00:00+08:00", null, null)]
    [InlineData(RegistrationStatus.Rejected, "2026-03-20T10:00:00+08:00", null, null)]
    [InlineData(RegistrationStatus.ReturnExpired, "2026-03-28T10:00:00+08:00", null, null)]
    public void TheNextStepAndItsDeadline(RegistrationStatus state, string at, string? what, string? by)
    {
        var next = In(state).NextStep(Instant(at), Batch2);

        Assert.Equal(what is null ? null : (what, D(by!)), next);
    }

    [Fact]
    public void StartingADraftRecordsWhoAndWhenAndNormalisesTheIdNumber()
    {
        var id = Guid.NewGuid();

        var registration = Registration.StartDraft(
            id, CandidateUserId, RegistrationChannel.Individual, null, 11, 2,
            IdDocumentType.ResidentIdCard, "１１０１０５１９４９１２３１００２ｘ", Candidate, CreatedAt, Batch2);

        Assert.Equal(id, registration.Id);
        Assert.Equal((CandidateUserId, 11, 2), (registration.CandidateUserId, registration.ExamPlanId, registration.BatchId));
        Assert.Null(registration.InstitutionId);
        Assert.Equal("11010519491231002X", registration.IdNumber);
        Assert.Equal(RegistrationStatus.Draft, registration.Status);
        Assert.Null(registration.Details);
        Assert.Empty(registration.Documents);
        Assert.Null(registration.SubmittedAt);
        var created = Assert.Single(registration.History);
        Assert.Equal(id, created.RegistrationId);
        Assert.Equal((null, RegistrationStatus.Draft, "Created", null), (created.From, created.To, created.Action, created.Note));
    }

    [Fact]
    public void AnInvalidIdNumberIsRefusedAtTheStart()
    {
        var error = Assert.Throws<DomainRuleException>(() => Registration.StartDraft(
            Guid.NewGuid(), CandidateUserId, RegistrationChannel.Individual, null, 11, 2,
            IdDocumentType.ResidentIdCard, "510107199003071235", Candidate, CreatedAt, Batch2));

        Assert.Equal("居民身份证号码校验位不正确，请核对号码是否输错", error.Message);
    }

    [Fact]
    public void InstantsAreStoredInUtc()
    {
        var registration = A.Registration().Submitted().Returned().Build();

        Assert.Equal(TimeSpan.Zero, registration.CreatedAt.Offset);
        Assert.Equal(TimeSpan.Zero, registration.SubmittedAt?.Offset);
        Assert.Equal(TimeSpan.Zero, registration.DecidedAt?.Offset);
        Assert.Equal(TimeSpan.Zero, registration.CommitmentAcceptedAt?.Offset);
        Assert.All(registration.Documents, d => Assert.Equal(TimeSpan.Zero, d.AttachedAt.Offset));
        Assert.All(registration.History, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.Equal(Instant("2026-03-12T02:00:00Z"), registration.SubmittedAt);
    }

    [Theory]
    [InlineData("Created", "创建报名")]
    [InlineData("Submitted", "提交报名")]
    [InlineData("Approved", "审核通过")]
    [InlineData("Rejected", "审核不通过")]
    [InlineData("Returned", "退回修改")]
    [InlineData("Resubmitted", "修改后重新提交")]
    [InlineData("ReturnExpired", "逾期未修改")]
    public void ActionsHaveChineseNames(string action, string name)
    {
        Assert.Equal(name, RegistrationActions.DisplayName(action));
    }

    [Fact]
    public void DetailsBecomeTheQualificationTheRuleJudges()
    {
        var details = new PersonalDetails
        {
            BirthDate = D("1995-06-01"),
            Education = EducationLevel.Bachelor,
            IsFinalYearStudent = true,
            MajorGroupName = "心理学类",
            Occupation = "护士",
            DeclaresRelatedSkill = true,
            Declarations = ["具有计算机操作能力"],
        };

        var qualification = details.ToQualification();

        Assert.Equal(D("1995-06-01"), qualification.BirthDate);
        Assert.Equal(EducationLevel.Bachelor, qualification.Education);
        Assert.True(qualification.IsFinalYearStudent);
        Assert.Equal("心理学类", qualification.MajorGroupName);
        Assert.Equal("护士", qualification.Occupation);
        Assert.True(qualification.DeclaresRelatedSkill);
        Assert.Equal(["具有计算机操作能力"], qualification.Declarations);
    }

    [Fact]
    public void DetailsSurviveAJsonRoundTrip()
    {
        // The options the web's jsonb columns use.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var details = A.Registration().Details with { MajorGroupName = "心理学类", Occupation = null };

        var json = JsonSerializer.Serialize(details, options);
        var back = JsonSerializer.Deserialize<PersonalDetails>(json, options);

        Assert.Contains("\"gender\":\"Male\"", json, StringComparison.Ordinal);
        Assert.Contains("\"educationProofCase\":\"GraduationCertificate\"", json, StringComparison.Ordinal);
        Assert.NotNull(back);
        Assert.Equal(details.Declarations, back.Declarations);
        Assert.Equal(details with { Declarations = back.Declarations }, back);
    }

    [Fact]
    public void DetailsDeserialiseFromAnEmptyObjectWithEmptyStrings()
    {
        var back = JsonSerializer.Deserialize<PersonalDetails>("{}");

        Assert.NotNull(back);
        Assert.Equal(string.Empty, back.FullName);
        Assert.Empty(back.Declarations);
        Assert.Null(back.EducationProofCase);
    }

    // The second worked by hand: 5·7+1·9+0·10+1·5+0·8+7·4+1·2+9·1+9·6+0·3+0·7+3·9+0·10+7·5+1·8+2·4+1·2 = 222,
    // 222 mod 11 = 2, check "X".
    [Theory]
    [InlineData("1949-12-31", Gender.Female, "110105", "00", "11010519491231002X")]
    [InlineData("1990-03-07", Gender.Male, "510107", "12", "51010719900307121X")]
    public void TheBuildersIdNumbersAreValid(string birthDate, Gender gender, string region, string order, string expected)
    {
        var number = IdNumbers.ResidentIdCard(D(birthDate), gender, region, order);

        Assert.Equal(expected, number);
        Assert.True(IdentityNumber.Parse(IdDocumentType.ResidentIdCard, number).IsValid);
    }

    private static Registration In(RegistrationStatus state)
    {
        var builder = A.Registration();
        return (state switch
        {
            RegistrationStatus.Draft => builder,
            RegistrationStatus.Submitted => builder.Submitted(),
            RegistrationStatus.Approved => builder.Submitted().Approved(),
            RegistrationStatus.Rejected => builder.Submitted().Rejected(),
            RegistrationStatus.Returned => builder.Submitted().Returned(),
            RegistrationStatus.ReturnExpired => builder.Submitted().Returned().ReturnExpired(),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        }).Build();
    }
}
