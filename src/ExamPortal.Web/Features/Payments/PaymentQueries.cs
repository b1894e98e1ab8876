using ExamPortal.Domain.Payments;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Payments;

public sealed record PaymentQueueItem(Guid Id, string BatchTitle, RegistrationChannel Channel, string PayerName, string? InstitutionName,
    int HeadCount, decimal Amount, decimal ExpectedAmount, string BankSerialNumber, DateTimeOffset SubmittedAt, PaymentStatus Status, bool SerialUsedElsewhere);

public sealed record PaidRegistration(Guid Id, string Name, string MaskedIdNumber, string ProjectName, decimal Fee, RegistrationStatus Status);

public sealed record SerialClash(Guid PaymentId, string PayerName, PaymentStatus Status, DateTimeOffset SubmittedAt);

public sealed record PaymentDetail(Payment Payment, Batch Batch, string? InstitutionName, IReadOnlyList<PaidRegistration> Registrations,
    IReadOnlyList<SerialClash> SameSerial, string ReceiptContentType);

public sealed record PayableApplicant(Guid Id, string Name, string MaskedIdNumber, string ProjectName, decimal Fee, RegistrationStatus Status, string? PaymentReturnReason, uint Version);

/// <summary>What finance, candidates and institutions read about payments; every list is paged or bounded to one batch.</summary>
public sealed class PaymentQueries(PortalDbContext db)
{
    /// <summary>Finance's queue, oldest first: people who paid first are confirmed first.</summary>
    public async Task<Page<PaymentQueueItem>> QueueAsync(PaymentStatus status, int? batchId, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Payments.AsNoTracking().Where(p => p.Status == status);
        if (batchId is { } id)
        {
            query = query.Where(p => p.BatchId == id);
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(p => p.SubmittedAt)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .Select(p => new
            {
                p.Id, p.BatchId, p.Channel, p.PayerName, p.HeadCount, p.Amount, p.ExpectedAmount, p.BankSerialNumber, p.SubmittedAt, p.Status,
                InstitutionName = db.Institutions.Where(i => i.Id == p.InstitutionId).Select(i => i.Name).FirstOrDefault(),
                Clash = db.Payments.Any(o => o.BankSerialNumber == p.BankSerialNumber && o.Id != p.Id),
            })
            .ToListAsync(ct);
        var titles = await BatchTitlesAsync(ct);
        var items = rows.Select(p => new PaymentQueueItem(p.Id, titles[p.BatchId], p.Channel, p.PayerName, p.InstitutionName, p.HeadCount, p.Amount,
            p.ExpectedAmount, p.BankSerialNumber, p.SubmittedAt, p.Status, p.Clash)).ToList();
        return new Page<PaymentQueueItem>(items, page, RegistrationQueries.PageSize, total);
    }

    /// <summary>A payment as finance sees it; institutionId limits it to one institution's payments.</summary>
    public async Task<PaymentDetail?> DetailAsync(Guid paymentId, int? institutionId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId && (institutionId == null || p.InstitutionId == institutionId), ct);
        if (payment is null)
        {
            return null;
        }

        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == payment.BatchId, ct);
        var institution = await db.Institutions.Where(i => i.Id == payment.InstitutionId).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var ids = payment.RegistrationIds.ToList();
        var registrations = (await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new { r.Id, r.Details, r.IdNumber, ProjectName = p.Project.Name, p.Project.Fee, r.Status })
                .ToListAsync(ct))
            .Select(r => new PaidRegistration(r.Id, r.Details?.FullName ?? string.Empty, IdentityNumber.Mask(r.IdNumber), r.ProjectName, r.Fee, r.Status))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var clashes = await db.Payments.AsNoTracking()
            .Where(p => p.BankSerialNumber == payment.BankSerialNumber && p.Id != payment.Id)
            .OrderBy(p => p.SubmittedAt)
            .Select(p => new SerialClash(p.Id, p.PayerName, p.Status, p.SubmittedAt))
            .ToListAsync(ct);
        var contentType = await db.StoredFiles.Where(f => f.Id == payment.ReceiptFileId).Select(f => f.ContentType).SingleAsync(ct);
        return new PaymentDetail(payment, batch, institution, registrations, clashes, contentType);
    }

    /// <summary>A candidate's receipts for one registration, newest first.</summary>
    public async Task<IReadOnlyList<Payment>> ForRegistrationAsync(Guid registrationId, string candidateUserId, CancellationToken ct) =>
        (await db.Payments.AsNoTracking().Where(p => p.CandidateUserId == candidateUserId).OrderByDescending(p => p.SubmittedAt).ToListAsync(ct))
            .Where(p => p.RegistrationIds.Contains(registrationId))
            .ToList();

    /// <summary>An institution's applicants of one batch that still need a receipt: approved, or returned by finance.</summary>
    public async Task<IReadOnlyList<PayableApplicant>> PayableAsync(int institutionId, int batchId, CancellationToken ct) =>
        (await db.Registrations.AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && r.BatchId == batchId && Registration.AwaitingPaymentStatuses.Contains(r.Status))
                .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new { r.Id, r.Details, r.IdNumber, ProjectName = p.Project.Name, p.Project.Fee, r.Status, r.PaymentReturnReason, r.Version })
                .ToListAsync(ct))
            .Select(r => new PayableApplicant(r.Id, r.Details?.FullName ?? string.Empty, IdentityNumber.Mask(r.IdNumber), r.ProjectName, r.Fee, r.Status, r.PaymentReturnReason, r.Version))
            .OrderBy(r => r.ProjectName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The chosen batch or, without a choice, the one whose payment window is open on the day or opens next.</summary>
    public Task<Batch?> BatchToPayAsync(int? chosen, DateOnly today, CancellationToken ct) =>
        chosen is { } id
            ? db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            : db.Batches.AsNoTracking().Where(b => b.PaymentEnd >= today).OrderBy(b => b.PaymentStart).FirstOrDefaultAsync(ct);

    public async Task<Page<PaymentQueueItem>> InstitutionPaymentsAsync(int institutionId, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.Payments.AsNoTracking().Where(p => p.InstitutionId == institutionId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.SubmittedAt)
            .Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize)
            .ToListAsync(ct);
        var titles = await BatchTitlesAsync(ct);
        var items = rows.Select(p => new PaymentQueueItem(p.Id, titles[p.BatchId], p.Channel, p.PayerName, null, p.HeadCount, p.Amount,
            p.ExpectedAmount, p.BankSerialNumber, p.SubmittedAt, p.Status, SerialUsedElsewhere: false)).ToList();
        return new Page<PaymentQueueItem>(items, page, RegistrationQueries.PageSize, total);
    }

    private async Task<Dictionary<int, string>> BatchTitlesAsync(CancellationToken ct) =>
        (await db.Batches.AsNoTracking().Select(b => new { b.Id, b.Year, b.Number }).ToListAsync(ct))
            .ToDictionary(b => b.Id, b => Batch.TitleOf(b.Year, b.Number));
}
