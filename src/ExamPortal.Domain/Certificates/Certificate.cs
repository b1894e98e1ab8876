using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Results;

namespace ExamPortal.Domain.Certificates;

// 专项职业能力证书: issued after the publicity period to those who passed. Holds what it certifies as it was on
// the day of issue (name, ID, project), so a later correction of the registration does not rewrite a certificate.
public sealed class Certificate
{
    public const string IssuingBody = "四川省职业技能鉴定指导中心";

    private Certificate()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid RegistrationId { get; private set; }

    public Guid ScoreId { get; private set; }

    public int BatchId { get; private set; }

    public int ExamPlanId { get; private set; }

    public string? CandidateUserId { get; private set; }

    public int? InstitutionId { get; private set; }

    public string FullName { get; private set; } = string.Empty;

    public IdDocumentType IdDocumentType { get; private set; }

    public string IdNumber { get; private set; } = string.Empty;

    public string ProjectName { get; private set; } = string.Empty;

    public Guid? PhotoFileId { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByUserId { get; private set; } = string.Empty;

    // The paper certificate's ledger entry (证书台账): who collected it, when, and who handed it over.
    public DateTimeOffset? CollectedAt { get; private set; }

    public string? CollectedBy { get; private set; }

    public string? HandedOverByUserId { get; private set; }

    public string? CollectionNote { get; private set; }

    public bool IsCollected => CollectedAt is not null;

    public static string? IssueRefusal(ExamScore score, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(dates);
        return by.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以核发证书"
            : score.Outcome != ExamOutcome.Passed ? $"只有成绩合格的考生可以核发证书，该考生为“{ExamOutcomes.DisplayName(score.Outcome)}”"
            : !dates.IsPublicityOver(at) ? $"成绩公示期至{ChineseText.Date(dates.PublicityEnd)}结束，结束后才能核发证书"
            : null;
    }

    public static Certificate Issue(
        Guid id, string number, ExamScore score, CertificateHolder holder, Actor by, DateTimeOffset at, ResultDates dates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(holder);
        if (IssueRefusal(score, by, at, dates) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        return new Certificate
        {
            Id = id,
            Number = number,
            RegistrationId = score.RegistrationId,
            ScoreId = score.Id,
            BatchId = score.BatchId,
            ExamPlanId = score.ExamPlanId,
            CandidateUserId = holder.CandidateUserId,
            InstitutionId = holder.InstitutionId,
            FullName = holder.FullName,
            IdDocumentType = holder.IdDocumentType,
            IdNumber = holder.IdNumber,
            ProjectName = holder.ProjectName,
            PhotoFileId = holder.PhotoFileId,
            IssueDate = ChinaTime.DateOf(at),
            IssuedAt = at.ToUniversalTime(),
            IssuedByUserId = by.UserId,
        };
    }

    // Section 九: from the 30th working day after the exam; once, recorded by centre staff.
    public void RecordCollection(string? collectedBy, string? note, Actor by, DateTimeOffset at, DateOnly collectableFrom)
    {
        ArgumentNullException.ThrowIfNull(by);
        var refusal = by.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心工作人员可以登记证书领取"
            : IsCollected ? $"该证书已于{ChinaTime.ToChina(CollectedAt!.Value):yyyy年M月d日}由{CollectedBy}领取"
            : ChinaTime.DateOf(at) < collectableFrom ? $"纸质证书自{ChineseText.Date(collectableFrom)}（考核结束30个工作日后）起领取"
            : string.IsNullOrWhiteSpace(collectedBy) ? "请填写领取人（机构领取写机构名称和经办人姓名，个人领取写考生姓名）"
            : collectedBy.Trim().Length > 100 ? "领取人不能超过100字"
            : note?.Trim().Length > 500 ? "备注不能超过500字"
            : null;
        if (refusal is not null)
        {
            throw new DomainRuleException(refusal);
        }

        CollectedAt = at.ToUniversalTime();
        CollectedBy = collectedBy!.Trim();
        CollectionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        HandedOverByUserId = by.UserId;
    }
}
