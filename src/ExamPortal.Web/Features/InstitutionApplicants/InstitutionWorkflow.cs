using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

/// <summary>The institution's first review (初审) and its submission of the passed applicants of a batch.</summary>
public sealed class InstitutionWorkflow(PortalDbContext db, TimeProvider clock, InstitutionStanding standing)
{
    /// <summary>The institution's half of 双承诺制, recorded with every submission.</summary>
    public const string QualityCommitment =
        "本机构已按各考核项目的申报条件，对本次提交的考生逐一进行了资格初审，对考生资格审核的合规性负责；所上传材料均为原件扫描件。" +
        "如有提供虚假证明材料、暗箱操作、徇私舞弊等违规行为，本机构愿按有关规定接受处理。";

    public async Task<WorkflowResult> PassFirstReviewAsync(Actor staff, int institutionId, Guid registrationId, CancellationToken ct)
    {
        var registration = await db.Registrations.Include(r => r.Documents).Include(r => r.History)
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.InstitutionId == institutionId, ct);
        if (registration is null)
        {
            return WorkflowResult.NotFound;
        }

        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == registration.BatchId, ct);
        try
        {
            registration.PassFirstReview(staff, clock.GetUtcNow(), batch.Schedule);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        return await SaveAsync(ct);
    }

    /// <summary>Submits every applicant of the batch that passed the first review, as one submission.</summary>
    public async Task<WorkflowResult> SubmitAsync(Actor staff, int institutionId, int batchId, bool commitmentAccepted, CancellationToken ct)
    {
        if (!commitmentAccepted)
        {
            return WorkflowResult.Refused("请阅读《报名质量责任承诺》并勾选确认后再提交");
        }

        if (await standing.RefusalAsync(institutionId, ct) is { } suspended)
        {
            return suspended;
        }

        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return WorkflowResult.NotFound;
        }

        var ready = await db.Registrations.Include(r => r.Documents).Include(r => r.History)
            .Where(r => r.InstitutionId == institutionId && r.BatchId == batchId && r.FirstReviewPassedAt != null
                && (r.Status == RegistrationStatus.Draft || r.Status == RegistrationStatus.Returned))
            .AsSplitQuery()
            .ToListAsync(ct);
        if (ready.Count == 0)
        {
            return WorkflowResult.Refused("本批次没有已初审通过、待提交的考生。请先在“本机构考生”中逐一初审。");
        }

        var rules = await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == batchId)
            .Select(p => new { p.Id, p.Project.Eligibility }).ToDictionaryAsync(p => p.Id, p => p.Eligibility, ct);
        var now = clock.GetUtcNow();
        var submitter = await db.Users.Where(u => u.Id == staff.UserId).Select(u => u.FullName).SingleAsync(ct);
        var sequence = await db.InstitutionSubmissions.CountAsync(s => s.BatchId == batchId, ct) + 1;
        var submission = new InstitutionSubmission
        {
            Id = Guid.CreateVersion7(),
            Number = $"{batch.Year}-{batch.Number:00}-{institutionId:0000}-{sequence:000}",
            InstitutionId = institutionId,
            BatchId = batchId,
            SubmittedAt = now,
            SubmittedByUserId = staff.UserId,
            SubmittedByName = submitter,
            CommitmentWording = QualityCommitment,
            ApplicantCount = ready.Count,
        };
        db.InstitutionSubmissions.Add(submission);
        foreach (var registration in ready)
        {
            try
            {
                registration.SubmitThroughInstitution(staff, now, batch.Schedule, rules[registration.ExamPlanId], submission.Id, QualityCommitment);
            }
            catch (DomainRuleException ex)
            {
                // Nothing is saved: the institution fixes this applicant (or takes the first review back) and submits again.
                return WorkflowResult.Refused($"{registration.Details?.FullName}（证件尾号{registration.IdNumber[^4..]}）：{ex.Message}");
            }
        }

        var saved = await SaveAsync(ct);
        return saved.Succeeded ? WorkflowResult.Created(submission.Id) : saved;
    }

    /// <summary>The centre records the day the stamped originals arrived; the 10-working-day clock starts there.</summary>
    public async Task<WorkflowResult> RecordOriginalsAsync(Actor centre, Guid submissionId, uint version, DateOnly? receivedOn, CancellationToken ct)
    {
        if (centre.Role is not (Role.CentreReviewer or Role.CentreAdmin))
        {
            return WorkflowResult.Refused("只有中心审核人员可以登记纸质原件");
        }

        var submission = await db.InstitutionSubmissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return WorkflowResult.NotFound;
        }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (receivedOn is not { } day || day > today || day < ChinaTime.DateOf(submission.SubmittedAt))
        {
            return WorkflowResult.Refused($"请填写收到原件的日期：不早于提交日（{ChinaTime.DateOf(submission.SubmittedAt):yyyy-MM-dd}），不晚于今天");
        }

        db.Entry(submission).Property(s => s.Version).OriginalValue = version;
        submission.OriginalsReceivedOn = day;
        submission.OriginalsRecordedByUserId = centre.UserId;
        return await SaveAsync(ct);
    }

    private async Task<WorkflowResult> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return WorkflowResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Conflict;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return WorkflowResult.Conflict;
        }
    }
}
