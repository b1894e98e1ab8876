using ExamPortal.Domain.Results;
using ExamPortal.Web.Features.Results;
using static ExamPortal.Tests.Features.Results.ScoreSheets;

namespace ExamPortal.Tests.Features.Results;

public sealed class ScoreSheetCheckTests
{
    [Fact]
    public void RowsMatchingTheirTicketAreAcceptedWithTheirOutcomes()
    {
        var report = Check(
            [Ticket1, "张三", 59.9],
            [Ticket2, "李四", 60d],
            [Ticket3, "王五", "缺考"],
            [Ticket4, "John Smith", 100d]);

        Assert.Empty(report.Problems);
        Assert.Empty(report.Missing);
        Assert.Equal(4, report.RecordableCount);
        Assert.Equal(
            [(Ticket1, ExamOutcome.Failed), (Ticket2, ExamOutcome.Passed), (Ticket3, ExamOutcome.Absent), (Ticket4, ExamOutcome.Passed)],
            report.Accepted.OrderBy(a => a.Key).Select(a => (a.Key, ExamOutcomes.Of(a.Value))));
        Assert.Equal(59.9m, report.Accepted[Ticket1].Points);
        Assert.Equal("可录入4名考生的成绩。", report.Summary);
    }

    [Fact]
    public void ATicketOfAnotherPlanIsReportedAndTheOtherRowsAreStillAccepted()
    {
        var report = Check([Ticket1, "张三", 80d], ["202601180001", "张三", 80d]);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(new ScoreRowProblem(3, "202601180001", "张三", "准考证号不在本考核计划中：请核对准考证号，并确认上传到了正确的考核计划"), problem);
        Assert.Equal([Ticket1], report.Accepted.Keys);
    }

    [Fact]
    public void ANameNotMatchingTheTicketIsReportedWithTheTicketsName()
    {
        var report = Check([Ticket2, "张三", 70d]);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("姓名与准考证不符（准考证上为李四）：请核对该行的准考证号和姓名", problem.Message);
        Assert.Empty(report.Accepted);
        // The row names the ticket, so the candidate is not missing: the row is what needs fixing.
        Assert.DoesNotContain(report.Missing, m => m.TicketNumber == Ticket2);
    }

    [Fact]
    public void NamesMatchWhateverTheSpacesWidthOrCase()
    {
        var report = Check([Ticket1, " 张  三 ", 70d], [Ticket4, "JOHN  SMITH", 70d]);

        Assert.Empty(report.Problems);
        Assert.Equal(2, report.RecordableCount);
    }

    [Fact]
    public void BothRowsOfARepeatedTicketNameTheOtherAndNeitherIsAccepted()
    {
        var report = Check([Ticket1, "张三", 80d], [Ticket2, "李四", 70d], [Ticket1, "张三", 85d], [Ticket1, "张三", 80d]);

        Assert.Equal(
        [
            (2, "与第4、5行的准考证号相同：每名考生只能有一行成绩，请核对后只保留一行"),
            (4, "与第2、5行的准考证号相同：每名考生只能有一行成绩，请核对后只保留一行"),
            (5, "与第2、4行的准考证号相同：每名考生只能有一行成绩，请核对后只保留一行"),
        ], report.Problems.Select(p => (p.RowNumber, p.Message)));
        Assert.Equal([Ticket2], report.Accepted.Keys);
        Assert.Equal(3, report.ProblemRowCount);
    }

    [Fact]
    public void CandidatesAbsentFromTheSheetAreListedWithoutBlockingTheOthers()
    {
        var report = Check([Ticket3, "王五", 90d], [Ticket1, "张三", 88d]);

        Assert.Empty(report.Problems);
        Assert.Equal([new MissingCandidate(Ticket2, "李四"), new MissingCandidate(Ticket4, "John Smith")], report.Missing);
        Assert.Equal(2, report.RecordableCount);
        Assert.Equal("可录入2名考生的成绩；表中没有本考核计划的另外2名考生，请确认他们的成绩已另行上传。", report.Summary);
    }

    [Fact]
    public void ARowsOwnProblemsFollowTheTicketsInColumnOrder()
    {
        var report = Check([Ticket2, "张三", 85.25], [Ticket3, "王五", 90d], ["2026", "", "八十"]);

        Assert.Equal(
        [
            (2, Ticket2, "姓名与准考证不符（准考证上为李四）：请核对该行的准考证号和姓名"),
            (2, Ticket2, "成绩85.25的小数超过一位，请保留一位小数"),
            (4, "2026", "准考证号“2026”不是12位数字，请按准考证核对"),
            (4, "2026", "请填写姓名（与准考证上的姓名一致）"),
            (4, "2026", "成绩“八十”不是数字：请填写0—100的数字（最多一位小数）或“缺考”"),
        ], report.Problems.Select(p => (p.RowNumber, p.TicketNumber, p.Message)));
        Assert.Equal([Ticket3], report.Accepted.Keys);
        Assert.Equal(
            "可录入1名考生的成绩；2行有问题，未录入：请按问题说明修改后重新上传；表中没有本考核计划的另外2名考生，请确认他们的成绩已另行上传。",
            report.Summary);
    }

    [Fact]
    public void ARefusedSheetIsNotChecked()
    {
        var refused = ScoreSheetReader.Read(new MemoryStream([1, 2, 3]));

        Assert.Throws<ArgumentException>(() => ScoreSheetCheck.Against(refused, Plan));
    }
}
