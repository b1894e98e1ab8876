using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>What the centre sees of a batch's tickets before and after issuing.</summary>
public sealed record BatchTicketSummary(int BatchId, string Title, DateOnly PaymentEnd, DateOnly PrintStart, DateOnly PrintEnd, DateOnly ExamDate,
    int AwaitingTicket, int AwaitingPaymentDecision, int Issued, int Rooms);

/// <summary>A plan's exam arrangement as CentreExam edits it: time and venue.</summary>
public sealed record PlanArrangement(int ExamPlanId, string ProjectCode, string ProjectName, bool IsCancelled, string Venue, TimeOnly StartTime, TimeOnly EndTime, int Tickets);

public sealed record RoomSummary(int Id, string Name, string? Location, int Capacity, string? ProjectName, int Seated);

/// <summary>
/// Reads issued tickets. Every query starts from Source, one join over ticket, registration, room, plan and
/// batch; callers narrow it to what the user may see (a batch, an institution, a registration, a number).
/// </summary>
public sealed class TicketQueries(PortalDbContext db)
{
    public const int PageSize = 50;

    internal IQueryable<TicketSource> Source() =>
        from t in db.AdmissionTickets
        join r in db.Registrations on t.RegistrationId equals r.Id
        join room in db.ExamRooms on t.ExamRoomId equals room.Id
        join plan in db.ExamPlans on t.ExamPlanId equals plan.Id
        join batch in db.Batches on t.BatchId equals batch.Id
        select new TicketSource
        {
            TicketId = t.Id,
            RegistrationId = r.Id,
            Number = t.Number,
            Seat = t.Seat,
            ExamRoomId = room.Id,
            RoomName = room.Name,
            RoomLocation = room.Location,
            RoomOrder = room.SortOrder,
            ExamPlanId = plan.Id,
            ProjectName = plan.Project.Name,
            BatchId = batch.Id,
            BatchYear = batch.Year,
            BatchNumber = batch.Number,
            ExamDate = batch.ExamDate,
            PrintStart = batch.TicketPrintingStart,
            PrintEnd = batch.TicketPrintingEnd,
            StartTime = plan.ExamStartTime,
            EndTime = plan.ExamEndTime,
            Venue = plan.Venue,
            IdDocumentType = r.IdDocumentType,
            IdNumber = r.IdNumber,
            Details = r.Details,
            PhotoFileId = r.Documents.Where(d => d.Slot == DocumentSlot.Photo).Select(d => (Guid?)d.FileId).FirstOrDefault(),
            Status = r.Status,
            CandidateUserId = r.CandidateUserId,
            InstitutionId = r.InstitutionId,
            InstitutionName = db.Institutions.Where(i => i.Id == r.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            FirstPrintedAt = t.FirstPrintedAt,
            LastPrintedAt = t.LastPrintedAt,
        };

    public async Task<BatchTicketSummary?> BatchSummaryAsync(int batchId, CancellationToken ct) =>
        (await SummariesAsync(batchId, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<BatchTicketSummary>> BatchSummariesAsync(CancellationToken ct) => await SummariesAsync(null, ct);

    private async Task<IReadOnlyList<BatchTicketSummary>> SummariesAsync(int? batchId, CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking().Where(b => batchId == null || b.Id == batchId).OrderBy(b => b.Year).ThenBy(b => b.Number)
            .Select(b => new
            {
                b.Id, b.Year, b.Number, b.PaymentEnd, b.TicketPrintingStart, b.TicketPrintingEnd, b.ExamDate,
                Awaiting = db.Registrations.Count(r => r.BatchId == b.Id && r.Status == RegistrationStatus.PaymentConfirmed),
                Pending = db.Registrations.Count(r => r.BatchId == b.Id && r.Status == RegistrationStatus.PaymentSubmitted),
                Issued = db.AdmissionTickets.Count(t => t.BatchId == b.Id),
                Rooms = db.ExamRooms.Count(room => room.BatchId == b.Id),
            })
            .ToListAsync(ct);
        return [.. batches.Select(b => new BatchTicketSummary(b.Id, Batch.TitleOf(b.Year, b.Number), b.PaymentEnd, b.TicketPrintingStart, b.TicketPrintingEnd,
            b.ExamDate, b.Awaiting, b.Pending, b.Issued, b.Rooms))];
    }

    public async Task<IReadOnlyList<PlanArrangement>> ArrangementsAsync(int batchId, CancellationToken ct) =>
        await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == batchId)
            .OrderBy(p => p.Project.SortOrder).ThenBy(p => p.Project.Code)
            .Select(p => new PlanArrangement(p.Id, p.Project.Code, p.Project.Name, p.CancelledAt != null, p.Venue, p.ExamStartTime, p.ExamEndTime,
                db.AdmissionTickets.Count(t => t.ExamPlanId == p.Id)))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<RoomSummary>> RoomsAsync(int batchId, CancellationToken ct) =>
        await db.ExamRooms.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new RoomSummary(r.Id, r.Name, r.Location, r.Capacity,
                db.ExamPlans.Where(p => p.Id == r.ExamPlanId).Select(p => p.Project.Name).FirstOrDefault(),
                db.AdmissionTickets.Count(t => t.ExamRoomId == r.Id)))
            .ToListAsync(ct);

    public async Task<Page<TicketRow>> PageAsync(IQueryable<TicketSource> selection, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var number = Math.Max(page, 1);
        var total = await selection.CountAsync(ct);
        var rows = await selection.OrderBy(s => s.Number).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<TicketRow>([.. rows.Select(s => s.ToRow())], number, PageSize, total);
    }

    public IQueryable<TicketSource> OfBatch(int batchId) => Source().Where(s => s.BatchId == batchId);

    /// <summary>What is printed for the exam day: voided tickets (a plan cancelled after issue) stay off tickets and sheets.</summary>
    public IQueryable<TicketSource> ValidOfBatch(int batchId) => OfBatch(batchId).Where(s => s.Status == RegistrationStatus.TicketIssued);

    public IQueryable<TicketSource> OfInstitution(int institutionId, int batchId) =>
        Source().Where(s => s.InstitutionId == institutionId && s.BatchId == batchId);

    public async Task<TicketRow?> ForCandidateAsync(Guid registrationId, string userId, CancellationToken ct) =>
        (await Source().Where(s => s.RegistrationId == registrationId && s.CandidateUserId == userId).SingleOrDefaultAsync(ct))?.ToRow();

    public async Task<TicketRow?> ByNumberAsync(string number, CancellationToken ct) =>
        (await Source().Where(s => s.Number == number).SingleOrDefaultAsync(ct))?.ToRow();

    /// <summary>
    /// The public 准考证下载: one indexed query on the ID number; the name is compared on the few rows it returns.
    /// The caller says only "nothing matched" when this is empty, whichever of the two was wrong.
    /// </summary>
    public async Task<IReadOnlyList<TicketRow>> LookupAsync(string idNumber, string fullName, CancellationToken ct)
    {
        var number = IdentityNumber.Normalize(idNumber);
        var name = fullName.Trim();
        var candidates = await Source().Where(s => s.IdNumber == number && s.Status == RegistrationStatus.TicketIssued).ToListAsync(ct);
        return [.. candidates.Where(s => string.Equals(s.Details?.FullName, name, StringComparison.Ordinal)).Select(s => s.ToRow())];
    }

    public async Task<IReadOnlyList<(int Id, string Title)>> InstitutionBatchesAsync(int institutionId, CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking()
            .Where(b => db.AdmissionTickets.Any(t => t.BatchId == b.Id
                && db.Registrations.Any(r => r.Id == t.RegistrationId && r.InstitutionId == institutionId)))
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Number)
            .Select(b => new { b.Id, b.Year, b.Number })
            .ToListAsync(ct);
        return [.. batches.Select(b => (b.Id, Batch.TitleOf(b.Year, b.Number)))];
    }
}

/// <summary>The row Source reads; Details is a JSON column, so the name is taken from it after the query.</summary>
public sealed class TicketSource
{
    public Guid TicketId { get; init; }
    public Guid RegistrationId { get; init; }
    public string Number { get; init; } = string.Empty;
    public int Seat { get; init; }
    public int ExamRoomId { get; init; }
    public string RoomName { get; init; } = string.Empty;
    public string? RoomLocation { get; init; }
    public int RoomOrder { get; init; }
    public int ExamPlanId { get; init; }
    public string ProjectName { get; init; } = string.Empty;
    public int BatchId { get; init; }
    public int BatchYear { get; init; }
    public int BatchNumber { get; init; }
    public DateOnly ExamDate { get; init; }
    public DateOnly PrintStart { get; init; }
    public DateOnly PrintEnd { get; init; }
    public TimeOnly StartTime { get; init; }
    public TimeOnly EndTime { get; init; }
    public string Venue { get; init; } = string.Empty;
    public IdDocumentType IdDocumentType { get; init; }
    public string IdNumber { get; init; } = string.Empty;
    public PersonalDetails? Details { get; init; }
    public Guid? PhotoFileId { get; init; }
    public RegistrationStatus Status { get; init; }
    public string? CandidateUserId { get; init; }
    public int? InstitutionId { get; init; }
    public string? InstitutionName { get; init; }
    public DateTimeOffset? FirstPrintedAt { get; init; }
    public DateTimeOffset? LastPrintedAt { get; init; }

    public TicketRow ToRow() => new(
        TicketId, RegistrationId, Number, Seat, ExamRoomId, RoomName, RoomLocation, ExamPlanId, ProjectName, BatchId,
        Batch.TitleOf(BatchYear, BatchNumber), ExamDate, new DateRange(PrintStart, PrintEnd), StartTime, EndTime, Venue, IdDocumentType, IdNumber,
        Details?.FullName ?? string.Empty, PhotoFileId, Status, InstitutionId, InstitutionName, FirstPrintedAt, LastPrintedAt);
}
