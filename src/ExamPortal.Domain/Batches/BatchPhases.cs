namespace ExamPortal.Domain.Batches;

public static class BatchPhases
{
    public static string DisplayName(BatchPhase phase) => phase switch
    {
        BatchPhase.NotYetOpen => "未开始报名",
        BatchPhase.Registration => "报名中",
        BatchPhase.AwaitingReview => "待审核",
        BatchPhase.Review => "审核中",
        BatchPhase.AwaitingPayment => "待缴费",
        BatchPhase.Payment => "缴费中",
        BatchPhase.AwaitingTicketPrinting => "待打印准考证",
        BatchPhase.TicketPrinting => "打印准考证",
        BatchPhase.AwaitingExam => "待考试",
        BatchPhase.ExamDay => "考试日",
        BatchPhase.Examined => "已考试",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "未知的批次阶段"),
    };
}
