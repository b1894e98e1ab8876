using System.Globalization;
using System.Runtime.CompilerServices;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Exports;

/// <summary>
/// The rows of each centre queue's .xlsx export, with the same filters as the page but not its paging. Every method
/// streams an AsNoTracking query (for XlsxExport); per-row values the database cannot compute (working days left, masks,
/// Chinese labels) are worked out as each row passes. Phone numbers are left out or masked; where staff need the ID
/// number it is a text column.
/// </summary>
public sealed class QueueExports(PortalDbContext db, Calendar.CalendarService calendar, TimeProvider clock, TicketQueries tickets, CertificateQueries certificates, AuditSearch audit, ReviewQueries reviews)
{
    /// <summary>The filters in words, for the audit entry: "批次：2026年第1批".</summary>
    public async Task<string> BatchFilterAsync(int? batchId, CancellationToken ct)
    {
        if (batchId is not { } id)
        {
            return "批次：全部";
        }

        var batch = await db.Batches.Where(b => b.Id == id).Select(b => new { b.Year, b.Number }).FirstOrDefaultAsync(ct);
        return $"批次：{(batch is null ? id.ToString(CultureInfo.InvariantCulture) : Batch.TitleOf(batch.Year, batch.Number))}";
    }

    public async Task<string> ProjectFilterAsync(int? projectId, CancellationToken ct) =>
        projectId is { } id
            ? $"项目：{await db.Projects.Where(p => p.Id == id).Select(p => p.Code + " " + p.Name).FirstOrDefaultAsync(ct) ?? id.ToString(CultureInfo.InvariantCulture)}"
            : "项目：全部";

    public async IAsyncEnumerable<ReviewExportRow> Reviews(ReviewFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = await reviews.FilteredAsync(filter, ct);
        var rows = query
            .OrderBy(r => r.LastSubmittedAt).ThenBy(r => r.CreatedAt)
            .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new
            {
                r.Id, r.Details, r.IdDocumentType, r.IdNumber, ProjectName = p.Project.Name, p.Batch.Year, p.Batch.Number, r.Channel, r.Status, r.LastSubmittedAt,
                p.Batch.ReviewEnd, InstitutionName = db.Institutions.Where(i => i.Id == r.InstitutionId).Select(i => i.Name).FirstOrDefault(),
                OriginalsReceivedOn = db.InstitutionSubmissions.Where(s => s.Id == r.InstitutionSubmissionId).Select(s => s.OriginalsReceivedOn).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        var workingDays = await calendar.GetAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        await foreach (var r in rows.WithCancellation(ct))
        {
            var answer = ReReviewDeadline.AsOf(r.OriginalsReceivedOn, today, workingDays);
            yield return new ReviewExportRow(r.Id.ToString(), r.Details?.FullName ?? string.Empty, r.IdDocumentType.ToChinese(), r.IdNumber, r.ProjectName,
                Batch.TitleOf(r.Year, r.Number), RegistrationChannels.DisplayName(r.Channel), r.InstitutionName ?? string.Empty, RegistrationStatuses.DisplayName(r.Status),
                Time(r.LastSubmittedAt), Date(r.ReviewEnd), Date(answer?.AnswerBy), answer?.WorkingDaysLeft);
        }
    }

    public async IAsyncEnumerable<PaymentExportRow> Payments(PaymentStatus status, int? batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = db.Payments.AsNoTracking().Where(p => p.Status == status && (batchId == null || p.BatchId == batchId));
        var rows = query.OrderBy(p => p.SubmittedAt)
            .Join(db.Batches, p => p.BatchId, b => b.Id, (p, b) => new
            {
                p.Channel, p.PayerName, p.HeadCount, p.Amount, p.ExpectedAmount, p.BankSerialNumber, p.SubmittedAt, p.Status, b.Year, b.Number,
                InstitutionName = db.Institutions.Where(i => i.Id == p.InstitutionId).Select(i => i.Name).FirstOrDefault(),
                Clash = db.Payments.Any(o => o.BankSerialNumber == p.BankSerialNumber && o.Id != p.Id),
            })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
        {
            yield return new PaymentExportRow(p.PayerName, p.InstitutionName ?? string.Empty, Batch.TitleOf(p.Year, p.Number), RegistrationChannels.DisplayName(p.Channel),
                p.HeadCount, p.Amount, p.ExpectedAmount, p.BankSerialNumber, p.Clash ? "是" : "否", Time(p.SubmittedAt), PaymentStatuses.DisplayName(p.Status));
        }
    }

    /// <summary>One row per plan of the batch: a batch has as many plans as projects (22), so these few rows are read at once.</summary>
    public async IAsyncEnumerable<PlanExportRow> Plans(IReadOnlyList<PlanHeadcount> plans, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        foreach (var p in plans)
        {
            ct.ThrowIfCancellationRequested();
            yield return new PlanExportRow(p.ProjectCode, p.ProjectName, p.Registrants,
                p.IsCancelled ? $"已取消：{p.CancellationReason}" : p.IsUnderMinimum ? $"不足{PlanViability.MinimumRegistrants}人" : "正常");
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<CorrectionExportRow> Corrections([EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.CorrectionRequests.AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending).OrderBy(c => c.RequestedAt).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new CorrectionExportRow(c.RegistrationId.ToString(), c.CurrentName, c.Change(), c.Reason, Time(c.RequestedAt));
        }
    }

    public async IAsyncEnumerable<SubmissionExportRow> Submissions(int? batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.InstitutionSubmissions.AsNoTracking().Where(s => batchId == null || s.BatchId == batchId)
            .OrderByDescending(s => s.SubmittedAt)
            .Join(db.Institutions, s => s.InstitutionId, i => i.Id, (s, i) => new { s.Number, s.BatchId, s.SubmittedAt, s.ApplicantCount, s.OriginalsReceivedOn, i.Name })
            .Join(db.Batches, x => x.BatchId, b => b.Id, (x, b) => new { x.Number, x.Name, x.SubmittedAt, x.ApplicantCount, x.OriginalsReceivedOn, b.Year, BatchNumber = b.Number })
            .AsAsyncEnumerable();
        var workingDays = await calendar.GetAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        await foreach (var s in rows.WithCancellation(ct))
        {
            var answer = ReReviewDeadline.AsOf(s.OriginalsReceivedOn, today, workingDays);
            yield return new SubmissionExportRow(s.Number, s.Name, Batch.TitleOf(s.Year, s.BatchNumber), Time(s.SubmittedAt), s.ApplicantCount,
                Date(s.OriginalsReceivedOn), Date(answer?.AnswerBy), answer?.WorkingDaysLeft);
        }
    }

    public async IAsyncEnumerable<TicketExportRow> Tickets(int batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var s in tickets.OfBatch(batchId).AsNoTracking().OrderBy(s => s.Number).AsAsyncEnumerable().WithCancellation(ct))
        {
            var t = s.ToRow();
            yield return new TicketExportRow(t.Number, t.FullName, t.IdDocumentType.ToChinese(), t.MaskedIdNumber, t.ProjectName, t.RoomDisplayName, t.Seat,
                t.Venue, t.InstitutionName ?? "个人报名", t.IsValid ? "有效" : $"已作废（{RegistrationStatuses.DisplayName(t.Status)}）");
        }
    }

    public async IAsyncEnumerable<ObjectionExportRow> Objections(bool openOnly, int? batchId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = (
            from o in db.Objections
            join r in db.Registrations on o.RegistrationId equals r.Id
            join p in db.ExamPlans on r.ExamPlanId equals p.Id
            join t in db.AdmissionTickets on r.Id equals t.RegistrationId
            where (!openOnly || o.AnsweredAt == null) && (batchId == null || o.BatchId == batchId)
            orderby o.RaisedAt
            select new
            {
                o.Text, o.RaisedAt, o.Answer, o.AnsweredAt, p.Batch.Year, BatchNumber = p.Batch.Number, ProjectName = p.Project.Name, TicketNumber = t.Number, r.Details,
                Score = db.ExamScores.FirstOrDefault(s => s.RegistrationId == r.Id),
            }).AsNoTracking().AsAsyncEnumerable();
        await foreach (var o in rows.WithCancellation(ct))
        {
            yield return new ObjectionExportRow(o.Details?.FullName ?? string.Empty, o.TicketNumber, Batch.TitleOf(o.Year, o.BatchNumber), o.ProjectName,
                o.Score?.Value.ToString() ?? string.Empty, o.Text, Time(o.RaisedAt), o.Answer ?? string.Empty, Time(o.AnsweredAt));
        }
    }

    public async IAsyncEnumerable<CertificateExportRow> Certificates(int? batchId, string? search, bool? collected, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = certificates.Ledger(batchId, search, collected).AsNoTracking()
            .OrderBy(c => c.BatchId).ThenBy(c => c.ProjectName).ThenBy(c => c.Number).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new CertificateExportRow(c.Number, c.FullName, c.MaskedIdNumber, c.ProjectName, c.BatchTitle, Date(c.IssueDate), c.InstitutionName ?? "个人报名",
                c.CollectedAt is null ? "未领取" : "已领取", Time(c.CollectedAt), c.CollectedBy ?? string.Empty, c.HandedOverBy ?? string.Empty, c.CollectionNote ?? string.Empty);
        }
    }

    public async IAsyncEnumerable<OutboxExportRow> Outbox(OutboxStatus? status, OutboxChannel? channel, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.OutboxMessages.AsNoTracking().Where(m => (status == null || m.Status == status) && (channel == null || m.Channel == channel))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Channel, m.Recipient, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError })
            .AsAsyncEnumerable();
        await foreach (var m in rows.WithCancellation(ct))
        {
            yield return new OutboxExportRow(Time(m.CreatedAt), m.Channel.ToChinese(), OutboxAdministration.MaskRecipient(m.Channel, m.Recipient), m.Subject,
                m.Status.ToChinese(), m.Attempts, m.Status == OutboxStatus.Pending ? Time(m.NextAttemptAt) : string.Empty, Time(m.SentAt), m.LastError ?? string.Empty);
        }
    }

    public async IAsyncEnumerable<ScoreExportRow> Scores(IQueryable<ScoreSource> scores, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var s in scores.AsAsyncEnumerable().WithCancellation(ct))
        {
            var item = s.ToItem();
            yield return new ScoreExportRow(item.TicketNumber, item.FullName, item.ProjectName, item.ScoreText, ExamOutcomes.DisplayName(item.Outcome));
        }
    }

    public async IAsyncEnumerable<InstitutionExportRow> Institutions(IQueryable<Institution> institutions, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = institutions.OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new { i.Name, i.CreditCode, i.Type, i.Address, StaffCount = db.Users.Count(u => u.InstitutionId == i.Id), i.SuspendedAt, i.SuspensionReason })
            .AsAsyncEnumerable();
        await foreach (var i in rows.WithCancellation(ct))
        {
            yield return new InstitutionExportRow(i.Name, i.CreditCode, InstitutionTypes.DisplayName(i.Type), i.Address, i.StaffCount,
                i.SuspendedAt is null ? "正常" : "已暂停", i.SuspensionReason ?? string.Empty);
        }
    }

    public async IAsyncEnumerable<AccountExportRow> Accounts(string? search, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var text = search?.Trim();
        var rows = (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name != nameof(Role.Candidate)
                && (string.IsNullOrEmpty(text) || u.Email == text || u.FullName == text || (u.Institution != null && u.Institution.Name.Contains(text)))
            orderby r.Name, u.FullName
            select new { u.FullName, u.Email, Role = r.Name!, Institution = u.Institution != null ? u.Institution.Name : null, u.LockoutEnd })
            .AsNoTracking().AsAsyncEnumerable();
        var now = clock.GetUtcNow();
        await foreach (var a in rows.WithCancellation(ct))
        {
            yield return new AccountExportRow(a.FullName, a.Email ?? string.Empty, Enum.TryParse<Role>(a.Role, out var role) ? Roles.DisplayName(role) : a.Role,
                a.Institution ?? string.Empty, a.LockoutEnd > now ? "已锁定或停用" : "正常");
        }
    }

    public async IAsyncEnumerable<AuditExportRow> Audit(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var line in audit.StreamAsync(filter, ct))
        {
            yield return new AuditExportRow(Time(line.At), line.ActorDisplay, AuditLabels.Role(line.ActorRole), AuditLabels.Action(line.Action), line.Subject, line.Details,
                line.RegistrationId?.ToString() ?? string.Empty);
        }
    }

    private static string Time(DateTimeOffset? instant) => instant is { } at ? at.ToChinaText() : string.Empty;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
