using ExamPortal.Domain.Common;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Domain.Registrations;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain.Results;

public sealed class ScoreTests
{
    // Batch 2: exam 4/25, published 5/6, publicity until 5/11.
    private static readonly ResultDates Batch2 = new(D("2026-04-25"), D("2026-05-06"), D("2026-05-11"));
    private static readonly Actor Exam = new("exam-1", Role.CentreExam);
    private static readonly DateTimeOffset Marking = Instant("2026-04-28T10:00:00+08:00");

    [Theory]
    [InlineData("59.9", ExamOutcome.Failed)]
    [InlineData("60", ExamOutcome.Passed)]
    [InlineData("60.0", ExamOutcome.Passed)]
    [InlineData("100", ExamOutcome.Passed)]
    [InlineData("0", ExamOutcome.Failed)]
    [InlineData("缺考", ExamOutcome.Absent)]
    [InlineData(" 85.5 ", ExamOutcome.Passed)]
    public void The_pass_line_is_60_inclusive_and_absence_is_its_own_result(string text, ExamOutcome expected)
    {
        var (value, problem) = ScoreValue.Parse(text);

        Assert.Null(problem);
        Assert.Equal(expected, ExamOutcomes.Of(value!));
    }

    [Theory]
    [InlineData("100.5", "成绩100.5超出0—100的范围，请核对")]
    [InlineData("-1", "成绩-1超出0—100的范围，请核对")]
    [InlineData("85.25", "成绩85.25的小数超过一位，请保留一位小数")]
    [InlineData("八十", "成绩“八十”不是数字：请填写0—100的数字（最多一位小数）或“缺考”")]
    [InlineData("", "请填写成绩（0—100的数字，最多一位小数），未参加考核的填“缺考”")]
    public void A_bad_score_says_what_to_change(string text, string expected)
    {
        var (value, problem) = ScoreValue.Parse(text);

        Assert.Null(value);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_score_changes_freely_until_publication_and_then_only_by_a_correction_with_a_reason()
    {
        var ticket = Ticket();
        var score = ExamScore.Record(Guid.NewGuid(), ticket, ScoreValue.Of(58m), Exam, Marking, Batch2);

        Assert.False(score.Change(ScoreValue.Of(58m), Exam, Marking, Batch2));
        Assert.True(score.Change(ScoreValue.Of(61.5m), Exam, Instant("2026-05-05T18:00:00+08:00"), Batch2));
        Assert.Equal(ExamOutcome.Passed, score.Outcome);

        var published = Instant("2026-05-06T09:00:00+08:00");
        var frozen = Assert.Throws<DomainRuleException>(() => score.Change(ScoreValue.Of(70m), Exam, published, Batch2));
        Assert.Equal("成绩已于2026年5月6日公示，不能直接修改；如有错误，请提交成绩更正并说明原因", frozen.Message);
        var noReason = Assert.Throws<DomainRuleException>(() => score.Correct(ScoreValue.Absent, " ", Exam, published, Batch2));
        Assert.Equal("请填写成绩更正的原因", noReason.Message);

        score.Correct(ScoreValue.Absent, "考生当天未到场，登记错误", Exam, published, Batch2);

        Assert.Equal((ExamOutcome.Absent, (decimal?)null, "考生当天未到场，登记错误"), (score.Outcome, score.Points, score.CorrectionReason));
    }

    [Fact]
    public void Scores_are_entered_by_exam_staff_after_the_exam()
    {
        var ticket = Ticket();

        var early = Assert.Throws<DomainRuleException>(() => ExamScore.Record(Guid.NewGuid(), ticket, ScoreValue.Of(80m), Exam, Instant("2026-04-24T10:00:00+08:00"), Batch2));
        var reviewer = Assert.Throws<DomainRuleException>(() => ExamScore.Record(Guid.NewGuid(), ticket, ScoreValue.Of(80m), new Actor("r", Role.CentreReviewer), Marking, Batch2));

        Assert.Equal("考核日期（2026年4月25日）之后才能录入成绩", early.Message);
        Assert.Equal("只有省职鉴中心考务人员可以录入成绩", reviewer.Message);
    }

    [Fact]
    public void An_objection_is_raised_by_the_candidate_in_the_publicity_period_and_answered_once()
    {
        var candidate = new Actor("cand-1", Role.Candidate);
        var registrationId = Guid.NewGuid();

        var late = Assert.Throws<DomainRuleException>(() =>
            Objection.Raise(Guid.NewGuid(), registrationId, 2, "cand-1", "成绩偏低", candidate, Instant("2026-05-12T09:00:00+08:00"), Batch2));
        var other = Assert.Throws<DomainRuleException>(() =>
            Objection.Raise(Guid.NewGuid(), registrationId, 2, "cand-2", "成绩偏低", candidate, Instant("2026-05-07T09:00:00+08:00"), Batch2));
        var objection = Objection.Raise(Guid.NewGuid(), registrationId, 2, "cand-1", " 实操题评分有误 ", candidate, Instant("2026-05-07T09:00:00+08:00"), Batch2);
        objection.Respond("经复核，成绩无误。", Exam, Instant("2026-05-08T09:00:00+08:00"));

        Assert.Equal("异议须在公示期（2026年5月6日至2026年5月11日）内提出", late.Message);
        Assert.Equal("只有考生本人可以对自己的成绩提出异议", other.Message);
        Assert.Equal(("实操题评分有误", "经复核，成绩无误。", false), (objection.Text, objection.Answer, objection.IsOpen));
        Assert.Equal("该异议已答复", Assert.Throws<DomainRuleException>(() => objection.Respond("再答", Exam, Marking)).Message);
    }

    private static AdmissionTicket Ticket()
    {
        var builder = A.Registration().Submitted().Approved().TicketIssued();
        builder.Build();
        return builder.LastTicket!;
    }
}
