namespace ExamPortal.Domain.Results;

// Section 八: 专项职业能力考核实行百分制，成绩达60分（含）以上者为合格.
public static class ExamOutcomes
{
    public const decimal PassMark = 60m;

    public static ExamOutcome Of(ScoreValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsAbsent ? ExamOutcome.Absent
            : value.Points >= PassMark ? ExamOutcome.Passed
            : ExamOutcome.Failed;
    }

    public static string DisplayName(ExamOutcome outcome) => outcome switch
    {
        ExamOutcome.Passed => "合格",
        ExamOutcome.Failed => "不合格",
        ExamOutcome.Absent => "缺考",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "未知的考核结果"),
    };
}
