using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

public sealed class BatchScheduleTests
{
    [Theory]
    [InlineData(1, "2026-02-05", BatchPhase.NotYetOpen)]
    [InlineData(1, "2026-02-06", BatchPhase.Registration)]
    [InlineData(1, "2026-02-13", BatchPhase.Registration)]
    [InlineData(1, "2026-02-14", BatchPhase.AwaitingReview)]
    [InlineData(1, "2026-02-24", BatchPhase.Review)]
    [InlineData(1, "2026-03-07", BatchPhase.AwaitingPayment)]
    [InlineData(1, "2026-03-10", BatchPhase.Payment)]
    [InlineData(1, "2026-03-12", BatchPhase.AwaitingTicketPrinting)]
    [InlineData(1, "2026-03-27", BatchPhase.TicketPrinting)]
    [InlineData(1, "2026-03-28", BatchPhase.ExamDay)]
    [InlineData(1, "2026-03-29", BatchPhase.Examined)]
    [InlineData(2, "2026-03-08", BatchPhase.NotYetOpen)]
    [InlineData(2, "2026-03-10", BatchPhase.Registration)]
    [InlineData(2, "2026-03-16", BatchPhase.Registration)]
    [InlineData(2, "2026-03-17", BatchPhase.Review)]
    [InlineData(9, "2026-10-13", BatchPhase.AwaitingPayment)]
    [InlineData(10, "2026-11-25", BatchPhase.AwaitingTicketPrinting)]
    [InlineData(10, "2026-12-04", BatchPhase.TicketPrinting)]
    [InlineData(10, "2026-12-05", BatchPhase.ExamDay)]
    [InlineData(10, "2026-12-31", BatchPhase.Examined)]
    public void PhaseOnADay(int batch, string day, BatchPhase expected)
    {
        Assert.Equal(expected, Schedule(batch).PhaseOn(D(day)));
    }

    [Fact]
    public void BetweenPrintingAndTheExamTheBatchAwaitsTheExam()
    {
        var schedule = new BatchSchedule(
            new DateRange(D("2026-02-06"), D("2026-02-13")),
            new DateRange(D("2026-02-24"), D("2026-03-06")),
            new DateRange(D("2026-03-09"), D("2026-03-11")),
            new DateRange(D("2026-03-23"), D("2026-03-26")),
            D("2026-03-28"));

        Assert.Equal(BatchPhase.AwaitingExam, schedule.PhaseOn(D("2026-03-27")));
    }

    [Theory]
    [InlineData("2026-02-13T23:59:59+08:00", BatchPhase.Registration)]
    [InlineData("2026-02-14T00:00:00+08:00", BatchPhase.AwaitingReview)]
    [InlineData("2026-02-13T15:59:59Z", BatchPhase.Registration)]
    [InlineData("2026-02-13T16:00:00Z", BatchPhase.AwaitingReview)]
    public void PhaseAtAnInstantUsesTheChinaDate(string instant, BatchPhase expected)
    {
        Assert.Equal(expected, Schedule(1).PhaseAt(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-02-05T23:59:59+08:00", false)]
    [InlineData("2026-02-06T00:00:00+08:00", true)]
    [InlineData("2026-02-13T23:59:59+08:00", true)]
    [InlineData("2026-02-14T00:00:00+08:00", false)]
    [InlineData("2026-02-05T15:59:59Z", false)]
    [InlineData("2026-02-05T16:00:00Z", true)]
    [InlineData("2026-02-13T15:59:59Z", true)]
    [InlineData("2026-02-13T16:00:00Z", false)]
    public void RegistrationIsOpenUntilTheEndOfItsLastDayInChina(string instant, bool open)
    {
        Assert.Equal(open, Schedule(1).IsRegistrationOpen(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-02-23T23:59:59+08:00", false)]
    [InlineData("2026-02-24T00:00:00+08:00", true)]
    [InlineData("2026-03-06T23:59:59+08:00", true)]
    [InlineData("2026-03-06T16:00:00Z", false)]
    public void ReviewIsOpenForWholeDaysInChina(string instant, bool open)
    {
        Assert.Equal(open, Schedule(1).IsReviewOpen(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-03-08T23:59:59+08:00", false)]
    [InlineData("2026-03-09T00:00:00+08:00", true)]
    [InlineData("2026-03-11T23:59:59+08:00", true)]
    [InlineData("2026-03-11T15:59:59Z", true)]
    [InlineData("2026-03-12T00:00:00+08:00", false)]
    [InlineData("2026-03-11T16:00:00Z", false)]
    public void PaymentIsOpenForWholeDaysInChina(string instant, bool open)
    {
        Assert.Equal(open, Schedule(1).IsPaymentOpen(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-03-22T23:59:59+08:00", false)]
    [InlineData("2026-03-23T00:00:00+08:00", true)]
    [InlineData("2026-03-27T23:59:59+08:00", true)]
    [InlineData("2026-03-28T00:00:00+08:00", false)]
    public void TicketPrintingIsOpenForWholeDaysInChina(string instant, bool open)
    {
        Assert.Equal(open, Schedule(1).IsTicketPrintingOpen(Instant(instant)));
    }

    [Fact]
    public void OnTheSharedDayOfBatchTwoRegistrationAndReviewAreBothOpen()
    {
        var now = Instant("2026-03-16T20:00:00+08:00");

        Assert.True(Schedule(2).IsRegistrationOpen(now));
        Assert.True(Schedule(2).IsReviewOpen(now));
        Assert.Equal(BatchPhase.Registration, Schedule(2).PhaseAt(now));
    }

    [Theory]
    [InlineData(1, "2026-02-01", "报名截止", "2026-02-13")]
    [InlineData(1, "2026-02-10", "报名截止", "2026-02-13")]
    [InlineData(1, "2026-02-13", "报名截止", "2026-02-13")]
    [InlineData(1, "2026-02-14", "审核截止", "2026-03-06")]
    [InlineData(1, "2026-03-07", "缴费截止", "2026-03-11")]
    [InlineData(1, "2026-03-10", "缴费截止", "2026-03-11")]
    [InlineData(1, "2026-03-20", "打印准考证截止", "2026-03-27")]
    [InlineData(1, "2026-03-28", "考试", "2026-03-28")]
    [InlineData(2, "2026-03-16", "报名截止", "2026-03-16")]
    [InlineData(2, "2026-03-17", "审核截止", "2026-03-27")]
    public void NextDeadlineIsTheEndOfTheCurrentOrNextWindow(int batch, string day, string what, string date)
    {
        Assert.Equal((what, D(date)), Schedule(batch).NextDeadline(D(day)));
    }

    [Fact]
    public void ThereIsNoDeadlineAfterTheExam()
    {
        Assert.Null(Schedule(1).NextDeadline(D("2026-03-29")));
    }

    [Fact]
    public void ReviewMayNotStartBeforeRegistration()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BatchSchedule(
            new DateRange(D("2026-02-06"), D("2026-02-13")),
            new DateRange(D("2026-02-05"), D("2026-03-06")),
            new DateRange(D("2026-03-09"), D("2026-03-11")),
            new DateRange(D("2026-03-23"), D("2026-03-27")),
            D("2026-03-28")));

        Assert.Contains("审核开始日期（2026年2月5日）不能早于报名开始日期（2026年2月6日）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PaymentMustStartAfterReviewStarts()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BatchSchedule(
            new DateRange(D("2026-02-06"), D("2026-02-13")),
            new DateRange(D("2026-02-24"), D("2026-03-06")),
            new DateRange(D("2026-02-24"), D("2026-03-11")),
            new DateRange(D("2026-03-23"), D("2026-03-27")),
            D("2026-03-28")));

        Assert.Contains("缴费开始日期（2026年2月24日）应晚于审核开始日期（2026年2月24日）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketPrintingMustStartAfterPaymentEnds()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BatchSchedule(
            new DateRange(D("2026-02-06"), D("2026-02-13")),
            new DateRange(D("2026-02-24"), D("2026-03-06")),
            new DateRange(D("2026-03-09"), D("2026-03-11")),
            new DateRange(D("2026-03-11"), D("2026-03-27")),
            D("2026-03-28")));

        Assert.Contains("打印准考证开始日期（2026年3月11日）应晚于缴费结束日期（2026年3月11日）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExamMustBeAfterTicketPrintingEnds()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BatchSchedule(
            new DateRange(D("2026-02-06"), D("2026-02-13")),
            new DateRange(D("2026-02-24"), D("2026-03-06")),
            new DateRange(D("2026-03-09"), D("2026-03-11")),
            new DateRange(D("2026-03-23"), D("2026-03-27")),
            D("2026-03-27")));

        Assert.Contains("考核日期（2026年3月27日）应晚于打印准考证结束日期（2026年3月27日）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCopiesTheDefinitionsDates()
    {
        var definition = Announcement2026.Batches[0];

        var schedule = BatchSchedule.From(definition);

        Assert.Equal(definition.Registration, schedule.Registration);
        Assert.Equal(definition.Review, schedule.Review);
        Assert.Equal(definition.Payment, schedule.Payment);
        Assert.Equal(definition.TicketPrinting, schedule.TicketPrinting);
        Assert.Equal(definition.ExamDate, schedule.ExamDate);
    }

    private static BatchSchedule Schedule(int number) =>
        BatchSchedule.From(Announcement2026.Batches.Single(b => b.Number == number));
}
