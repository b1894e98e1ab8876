using ExamPortal.Domain.Common;
using ExamPortal.Domain.Tickets;

namespace ExamPortal.Domain.Results;

// 成绩: one per admission ticket. Recorded and changed freely (each change audited by the caller) until the
// publication date; after it only through Correct, which keeps the reason on the score.
public sealed class ExamScore
{
    public const int ReasonMaxLength = 500;

    // For EF Core; a score comes into being only through Record.
    private ExamScore()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public Guid RegistrationId { get; private set; }

    public int ExamPlanId { get; private set; }

    public int BatchId { get; private set; }

    // Null for 缺考.
    public decimal? Points { get; private set; }

    public ExamOutcome Outcome { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedByUserId { get; private set; } = string.Empty;

    public DateTimeOffset? CorrectedAt { get; private set; }

    public string? CorrectionReason { get; private set; }

    // PostgreSQL's xmin, for optimistic concurrency.
    public uint Version { get; private set; }

    public ScoreValue Value => Points is { } p ? ScoreValue.Of(p) : ScoreValue.Absent;

    public static ExamScore Record(Guid id, AdmissionTicket ticket, ScoreValue value, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(value);
        Require(EntryRefusal(by, at, dates));
        return new ExamScore
        {
            Id = id,
            TicketId = ticket.Id,
            RegistrationId = ticket.RegistrationId,
            ExamPlanId = ticket.ExamPlanId,
            BatchId = ticket.BatchId,
            Points = value.Points,
            Outcome = ExamOutcomes.Of(value),
            RecordedAt = at.ToUniversalTime(),
            RecordedByUserId = by.UserId,
        };
    }

    // Scores are entered after the exam and until publication, by exam staff.
    public static string? EntryRefusal(Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(dates);
        var day = ChinaTime.DateOf(at);
        return by.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以录入成绩"
            : day < dates.ExamDate ? $"考核日期（{ChineseText.Date(dates.ExamDate)}）之后才能录入成绩"
            : day >= dates.PublicationDate ? $"成绩已于{ChineseText.Date(dates.PublicationDate)}公示，不能直接修改；如有错误，请提交成绩更正并说明原因"
            : null;
    }

    // Returns whether anything changed, so re-importing the same sheet records nothing.
    public bool Change(ScoreValue value, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(value);
        Require(EntryRefusal(by, at, dates));
        if (value.Points == Points && value.IsAbsent == (Points is null))
        {
            return false;
        }

        Points = value.Points;
        Outcome = ExamOutcomes.Of(value);
        RecordedAt = at.ToUniversalTime();
        RecordedByUserId = by.UserId;
        return true;
    }

    // A published score changes only with a reason, which stays on the score and goes to the audit trail.
    public void Correct(ScoreValue value, string? reason, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(dates);
        Require(by.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以更正成绩"
            : !dates.IsPublished(at) ? "成绩尚未公示，请直接修改"
            : string.IsNullOrWhiteSpace(reason) ? "请填写成绩更正的原因"
            : reason.Trim().Length > ReasonMaxLength ? $"更正原因不能超过{ReasonMaxLength}字，请精简"
            : value.Points == Points && value.IsAbsent == (Points is null) ? "更正后的成绩与原成绩相同"
            : null);
        Points = value.Points;
        Outcome = ExamOutcomes.Of(value);
        CorrectedAt = at.ToUniversalTime();
        CorrectionReason = reason!.Trim();
        RecordedByUserId = by.UserId;
    }

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
