using System.Security.Cryptography;
using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Certificates;

public sealed record CertificateIssueResult(int Issued, int AlreadyIssued);

/// <summary>
/// Issues the certificates of a batch after its publicity period: every 合格 score without a certificate gets one,
/// under a per-batch advisory lock, so issuing again adds only what is new. Numbers are random
/// (CertificateNumber) with the prefix from Certificates:NumberPrefix.
/// </summary>
public sealed class CertificateIssuing(PortalDbContext db, ResultCalendar results, Notifier notifier, IConfiguration configuration, TimeProvider clock)
{
    private const int AdvisoryLockClass = 0x4345_5254; // "CERT"

    public async Task<string?> RefusalAsync(int batchId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dates = await results.DatesAsync(batchId, ct);
        var now = clock.GetUtcNow();
        return dates is null ? "找不到该考核批次"
            : actor.Role is not (Role.CentreExam or Role.CentreAdmin) ? "只有省职鉴中心考务人员可以核发证书"
            : !dates.IsPublicityOver(now) ? $"成绩公示期至{dates.PublicityEnd.ToChineseLong()}结束，结束后才能核发证书"
            : null;
    }

    /// <exception cref="DomainRuleException">Before the end of the publicity period, or not exam staff.</exception>
    public async Task<CertificateIssueResult> IssueAsync(int batchId, Actor actor, CancellationToken ct)
    {
        if (await RefusalAsync(batchId, actor, ct) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        var dates = (await results.DatesAsync(batchId, ct))!;
        var now = clock.GetUtcNow();
        var prefix = configuration["Certificates:NumberPrefix"] is { Length: > 0 } configured ? configured : CertificateNumber.DefaultPrefix;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {batchId})", ct);

        var passed = await (
            from s in db.ExamScores
            join r in db.Registrations on s.RegistrationId equals r.Id
            join p in db.ExamPlans on r.ExamPlanId equals p.Id
            where s.BatchId == batchId && s.Outcome == ExamOutcome.Passed && r.Status == RegistrationStatus.TicketIssued
                && !db.Certificates.Any(c => c.RegistrationId == r.Id)
            select new
            {
                Score = s,
                r.CandidateUserId,
                r.InstitutionId,
                r.Details,
                r.IdDocumentType,
                r.IdNumber,
                ProjectName = p.Project.Name,
                BatchYear = p.Batch.Year,
                BatchNumber = p.Batch.Number,
                PhotoFileId = r.Documents.Where(d => d.Slot == DocumentSlot.Photo).Select(d => (Guid?)d.FileId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var already = await db.Certificates.CountAsync(c => c.BatchId == batchId, ct);
        var year = ChinaTime.DateOf(now).Year;
        var numbers = await FreshNumbersAsync(prefix, year, passed.Count, ct);
        foreach (var (holder, number) in passed.Zip(numbers))
        {
            db.Certificates.Add(Certificate.Issue(Guid.CreateVersion7(now), number, holder.Score,
                new CertificateHolder(holder.CandidateUserId, holder.InstitutionId, holder.Details?.FullName ?? string.Empty, holder.IdDocumentType,
                    holder.IdNumber, holder.ProjectName, holder.PhotoFileId),
                actor, now, dates));
            if (holder.CandidateUserId is { } userId)
            {
                notifier.User(userId, "电子证书已核发", $"您参加的{Data.Entities.Batch.TitleOf(holder.BatchYear, holder.BatchNumber)}“{holder.ProjectName}”考核成绩合格，专项职业能力电子证书（编号{number}）已核发，可在“我的报名”中下载。");
            }
        }

        foreach (var group in passed.Where(p => p.InstitutionId is not null).GroupBy(p => p.InstitutionId!.Value))
        {
            await notifier.InstitutionAsync(group.Key, "电子证书已核发",
                $"贵机构{group.Count()}名考生的专项职业能力电子证书已核发，可在“证书”页面下载；纸质证书请于考核结束30个工作日后凭《四川核发专项职业能力证书登记表》到省职鉴中心领取。", ct);
        }

        AuditTrail.Record(db, actor, now, AuditTrail.CertificatesIssued, $"批次{batchId}", $"核发证书{passed.Count}张（此前已发{already}张）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CertificateIssueResult(passed.Count, already);
    }

    // Random numbers for the whole batch, checked against the issued ones in one query per round; a clash
    // (about one in a quadrillion per pair) only costs another round.
    private async Task<List<string>> FreshNumbersAsync(string prefix, int year, int count, CancellationToken ct)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        while (numbers.Count < count)
        {
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            while (candidates.Count < count - numbers.Count)
            {
                var number = CertificateNumber.Create(prefix, year, RandomNumberGenerator.GetBytes(CertificateNumber.RandomBytes));
                if (!numbers.Contains(number))
                {
                    candidates.Add(number);
                }
            }

            var taken = await db.Certificates.Where(c => candidates.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct);
            numbers.UnionWith(candidates.Except(taken, StringComparer.Ordinal));
        }

        return [.. numbers];
    }
}
