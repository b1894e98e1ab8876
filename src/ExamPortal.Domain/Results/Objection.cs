using ExamPortal.Domain.Common;

namespace ExamPortal.Domain.Results;

// 异议: raised by the candidate during the publicity period, answered by the centre; the answer reaches the candidate.
public sealed class Objection
{
    public const int TextMaxLength = 1000;

    private Objection()
    {
    }

    public Guid Id { get; private set; }

    public Guid RegistrationId { get; private set; }

    public int BatchId { get; private set; }

    public string RaisedByUserId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset RaisedAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public bool IsOpen => Answer is null;

    public static Objection Raise(Guid id, Guid registrationId, int batchId, string? candidateUserId, string? text, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(dates);
        var publicity = $"{ChineseText.Date(dates.PublicationDate)}至{ChineseText.Date(dates.PublicityEnd)}";
        Require(by.Role != Role.Candidate || by.UserId != candidateUserId ? "只有考生本人可以对自己的成绩提出异议"
            : !dates.IsInPublicity(at) ? $"异议须在公示期（{publicity}）内提出"
            : Bounded(text, "请写明异议的内容和理由"));
        return new Objection
        {
            Id = id,
            RegistrationId = registrationId,
            BatchId = batchId,
            RaisedByUserId = by.UserId,
            Text = text!.Trim(),
            RaisedAt = at.ToUniversalTime(),
        };
    }

    public void Respond(string? answer, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(by.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以答复异议"
            : !IsOpen ? "该异议已答复"
            : Bounded(answer, "请填写答复内容"));
        Answer = answer!.Trim();
        AnsweredAt = at.ToUniversalTime();
        AnsweredByUserId = by.UserId;
    }

    private static string? Bounded(string? text, string whenBlank) =>
        string.IsNullOrWhiteSpace(text) ? whenBlank
        : text.Trim().Length > TextMaxLength ? $"内容不能超过{TextMaxLength}字，请精简"
        : null;

    private static void Require(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }
    }
}
