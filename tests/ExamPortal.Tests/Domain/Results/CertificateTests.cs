using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Results;

public sealed class CertificateTests
{
    private static readonly ResultDates Batch2 = new(D("2026-04-25"), D("2026-05-06"), D("2026-05-11"));
    private static readonly Actor Exam = new("exam-1", Role.CentreExam);
    private static readonly CertificateHolder Holder = new("cand-1", null, "张小三", IdDocumentType.ResidentIdCard, "510104199001011230", "大数据分析", null);

    [Fact]
    public void The_number_is_prefix_year_and_ten_random_base32_characters()
    {
        byte[] random = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

        var number = CertificateNumber.Create("sc", 2026, random);

        Assert.Matches("^SC2026[0-9A-HJKMNP-TV-Z]{10}$", number);
        Assert.Equal("SC2026", number[..6]);
        Assert.Equal("SC2026000000000A", CertificateNumber.Create("SC", 2026, [0, 0, 0, 0, 0, 0, 10]));
        Assert.Equal("SC2026000000000A", CertificateNumber.Normalize(" sc2026-000000000a "));
    }

    [Fact]
    public void A_prefix_that_is_not_letters_or_digits_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CertificateNumber.Create("S-C", 2026, new byte[7]));
    }

    [Fact]
    public void Certificates_go_to_those_who_passed_after_the_publicity_period()
    {
        var passed = Score(ScoreValue.Of(60m));
        var failed = Score(ScoreValue.Of(59.9m));

        Assert.Equal("成绩公示期至2026年5月11日结束，结束后才能核发证书",
            Certificate.IssueRefusal(passed, Exam, Instant("2026-05-11T18:00:00+08:00"), Batch2));
        Assert.Equal("只有成绩合格的考生可以核发证书，该考生为“不合格”",
            Certificate.IssueRefusal(failed, Exam, Instant("2026-05-12T09:00:00+08:00"), Batch2));

        var certificate = Certificate.Issue(Guid.NewGuid(), "SC2026ABCDEFGHJK", passed, Holder, Exam, Instant("2026-05-12T09:00:00+08:00"), Batch2);

        Assert.Equal((D("2026-05-12"), "张小三", "大数据分析", passed.RegistrationId), (certificate.IssueDate, certificate.FullName, certificate.ProjectName, certificate.RegistrationId));
    }

    [Fact]
    public void A_paper_certificate_is_collected_once_from_the_30th_working_day()
    {
        var certificate = Certificate.Issue(Guid.NewGuid(), "SC2026ABCDEFGHJK", Score(ScoreValue.Of(90m)), Holder, Exam, Instant("2026-05-12T09:00:00+08:00"), Batch2);
        var from = D("2026-06-09");

        var early = Assert.Throws<DomainRuleException>(() => certificate.RecordCollection("张小三", null, Exam, Instant("2026-06-08T10:00:00+08:00"), from));
        var nobody = Assert.Throws<DomainRuleException>(() => certificate.RecordCollection(" ", null, Exam, Instant("2026-06-09T10:00:00+08:00"), from));
        certificate.RecordCollection("张小三（本人）", "身份证核验", Exam, Instant("2026-06-09T10:00:00+08:00"), from);
        var twice = Assert.Throws<DomainRuleException>(() => certificate.RecordCollection("李四", null, Exam, Instant("2026-06-10T10:00:00+08:00"), from));

        Assert.Equal("纸质证书自2026年6月9日（考核结束30个工作日后）起领取", early.Message);
        Assert.StartsWith("请填写领取人", nobody.Message, StringComparison.Ordinal);
        Assert.Equal("该证书已于2026年6月9日由张小三（本人）领取", twice.Message);
        Assert.Equal(("张小三（本人）", "exam-1"), (certificate.CollectedBy, certificate.HandedOverByUserId));
    }

    [Fact]
    public void A_share_link_works_until_it_expires_or_is_revoked_and_only_the_holder_creates_one()
    {
        var certificate = Certificate.Issue(Guid.NewGuid(), "SC2026ABCDEFGHJK", Score(ScoreValue.Of(90m)), Holder, Exam, Instant("2026-05-12T09:00:00+08:00"), Batch2);
        var at = Instant("2026-05-20T10:00:00+08:00");
        var holder = new Actor("cand-1", Role.Candidate);

        var link = CertificateShareLink.Create(Guid.NewGuid(), certificate, "token-1", 30, holder, at);

        Assert.True(link.IsActive(at.AddDays(29)));
        Assert.False(link.IsActive(at.AddDays(30)));
        link.Revoke(at.AddDays(1));
        Assert.False(link.IsActive(at.AddDays(2)));
        Assert.Equal("只有证书持有人可以创建分享链接",
            Assert.Throws<DomainRuleException>(() => CertificateShareLink.Create(Guid.NewGuid(), certificate, "t", 30, new Actor("cand-2", Role.Candidate), at)).Message);
        Assert.Equal("有效期请选择1到90天",
            Assert.Throws<DomainRuleException>(() => CertificateShareLink.Create(Guid.NewGuid(), certificate, "t", 91, holder, at)).Message);
    }

    private static ExamScore Score(ScoreValue value)
    {
        var builder = A.Registration().Submitted().Approved().TicketIssued();
        builder.Build();
        return ExamScore.Record(Guid.NewGuid(), builder.LastTicket!, value, Exam, Instant("2026-04-28T10:00:00+08:00"), Batch2);
    }
}
