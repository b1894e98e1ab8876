using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Results;

public sealed record BatchResultState(int BatchId, string Title, ResultDates Dates, bool IsPublished);

/// <summary>A candidate's own result, shown in 我的报名 from the publication date.</summary>
public sealed record OwnResult(string TicketNumber, decimal? Points, ExamOutcome Outcome, ResultDates Dates, string? CorrectionReason)
{
    public string ScoreText => Points is { } p ? ScoreValue.Of(p).ToString() : ScoreValue.AbsentText;
}

/// <summary>One recorded score in the centre's list of a batch's results by outcome.</summary>
public sealed record ScoreListItem(string TicketNumber, string FullName, string ProjectName, decimal? Points, ExamOutcome Outcome)
{
    public string ScoreText => Points is { } p ? ScoreValue.Of(p).ToString() : ScoreValue.AbsentText;
}

/// <summary>A project of a published batch and how many results it lists.</summary>
public sealed record PublishedProject(string Code, string Name, int Count);

/// <summary>One page of one project of a batch's 成绩公示, with the batch's projects to choose from.</summary>
public sealed record PublishedPage(IReadOnlyList<PublishedProject> Projects, PublishedProject? Shown, Page<ResultListEntry> Entries);

/// <summary>Published results: the public 成绩公示 (masked names, no ID numbers) and each candidate's own.</summary>
public sealed class ResultQueries(PortalDbContext db, ResultCalendar results, TimeProvider clock)
{
    /// <summary>Rows per page of the public list: a batch lists up to a few thousand results.</summary>
    public const int PublicPageSize = 100;

    public async Task<IReadOnlyList<BatchResultState>> BatchesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return [.. (await results.AllAsync(ct)).Select(b => new BatchResultState(b.BatchId, b.Title, b.Dates, b.Dates.IsPublished(now)))];
    }

    /// <summary>The batch's published list per project, or null before its publication date.</summary>
    public async Task<ResultList?> PublishedAsync(int batchId, CancellationToken ct)
    {
        var state = (await BatchesAsync(ct)).FirstOrDefault(b => b.BatchId == batchId);
        if (state is not { IsPublished: true })
        {
            return null;
        }

        var rows = await (
            from s in db.ExamScores
            join t in db.AdmissionTickets on s.TicketId equals t.Id
            join r in db.Registrations on s.RegistrationId equals r.Id
            join p in db.ExamPlans on s.ExamPlanId equals p.Id
            where s.BatchId == batchId && r.Status == RegistrationStatus.TicketIssued
            orderby p.Project.SortOrder, p.Project.Code, t.Number
            select new { ProjectName = p.Project.Name, t.Number, r.Details, s.Points, s.Outcome })
            .ToListAsync(ct);
        var projects = rows.GroupBy(r => r.ProjectName)
            .Select(g => new ResultListProject(g.Key, [.. g.Select(r => new ResultListEntry(
                PersonName.Mask(r.Details?.FullName), r.Number,
                r.Points is { } p ? ScoreValue.Of(p).ToString() : ScoreValue.AbsentText, ExamOutcomes.DisplayName(r.Outcome)))]))
            .ToList();
        return new ResultList(state.Title, state.Dates.ExamDate, state.Dates.PublicationDate, state.Dates.PublicityEnd, projects);
    }

    /// <summary>
    /// The public page of a published batch: its projects with their counts (one grouped query) and one page of the chosen
    /// project (the first when none or an unknown one is chosen), masked as in the full list. Null before publication.
    /// </summary>
    public async Task<PublishedPage?> PublishedPageAsync(BatchResultState batch, string? projectCode, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.IsPublished)
        {
            return null;
        }

        var listed = Listed(batch.BatchId);
        var projects = (await listed
            .GroupBy(x => new { x.Plan.Project.Code, x.Plan.Project.Name, x.Plan.Project.SortOrder })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.SortOrder, Count = g.Count() })
            .ToListAsync(ct))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new PublishedProject(p.Code, p.Name, p.Count)).ToList();
        var shown = projects.FirstOrDefault(p => p.Code == projectCode) ?? projects.FirstOrDefault();
        if (shown is null)
        {
            return new PublishedPage(projects, null, new Page<ResultListEntry>([], 1, PublicPageSize, 0));
        }

        page = Math.Clamp(page, 1, Math.Max(1, (shown.Count + PublicPageSize - 1) / PublicPageSize));
        var rows = await listed.Where(x => x.Plan.Project.Code == shown.Code)
            .OrderBy(x => x.Ticket.Number)
            .Skip((page - 1) * PublicPageSize).Take(PublicPageSize)
            .Select(x => new { x.Ticket.Number, x.Registration.Details, x.Score.Points, x.Score.Outcome })
            .ToListAsync(ct);
        var entries = rows.Select(r => new ResultListEntry(PersonName.Mask(r.Details?.FullName), r.Number,
            r.Points is { } p ? ScoreValue.Of(p).ToString() : ScoreValue.AbsentText, ExamOutcomes.DisplayName(r.Outcome))).ToList();
        return new PublishedPage(projects, shown, new Page<ResultListEntry>(entries, page, PublicPageSize, shown.Count));
    }

    // The scores the public list shows: of ticket holders still holding their ticket.
    private IQueryable<ListedScore> Listed(int batchId) =>
        from s in db.ExamScores.AsNoTracking()
        join t in db.AdmissionTickets on s.TicketId equals t.Id
        join r in db.Registrations on s.RegistrationId equals r.Id
        join p in db.ExamPlans on s.ExamPlanId equals p.Id
        where s.BatchId == batchId && r.Status == RegistrationStatus.TicketIssued
        select new ListedScore { Score = s, Ticket = t, Registration = r, Plan = p };

    private sealed class ListedScore
    {
        public required ExamScore Score { get; init; }
        public required Domain.Tickets.AdmissionTicket Ticket { get; init; }
        public required Registration Registration { get; init; }
        public required ExamPlan Plan { get; init; }
    }

    public async Task<OwnResult?> OwnAsync(Guid registrationId, int batchId, CancellationToken ct)
    {
        var dates = await results.DatesAsync(batchId, ct);
        if (dates is null || !dates.IsPublished(clock.GetUtcNow()))
        {
            return null;
        }

        var score = await (
            from s in db.ExamScores
            join t in db.AdmissionTickets on s.TicketId equals t.Id
            where s.RegistrationId == registrationId
            select new { t.Number, s.Points, s.Outcome, s.CorrectionReason })
            .SingleOrDefaultAsync(ct);
        return score is null ? null : new OwnResult(score.Number, score.Points, score.Outcome, dates, score.CorrectionReason);
    }

    /// <summary>A batch's recorded scores with one outcome (合格, 不合格, 缺考), by ticket number: the dashboard's links.</summary>
    public async Task<Page<ScoreListItem>> ScoresAsync(int batchId, ExamOutcome outcome, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var scores = ScoresOf(batchId, outcome);
        var total = await scores.CountAsync(ct);
        var rows = await scores.Skip((page - 1) * RegistrationQueries.PageSize).Take(RegistrationQueries.PageSize).ToListAsync(ct);
        return new Page<ScoreListItem>([.. rows.Select(x => x.ToItem())], page, RegistrationQueries.PageSize, total);
    }

    /// <summary>A batch's recorded scores (of one outcome, or all), by ticket number: for the list and its export.</summary>
    public IQueryable<ScoreSource> ScoresOf(int batchId, ExamOutcome? outcome) =>
        from s in db.ExamScores.AsNoTracking()
        where s.BatchId == batchId && (outcome == null || s.Outcome == outcome)
        join t in db.AdmissionTickets on s.TicketId equals t.Id
        join r in db.Registrations on s.RegistrationId equals r.Id
        join p in db.ExamPlans on s.ExamPlanId equals p.Id
        orderby t.Number
        select new ScoreSource { TicketNumber = t.Number, Details = r.Details, ProjectName = p.Project.Name, Points = s.Points, Outcome = s.Outcome };
}

/// <summary>One recorded score with what the lists show of it; a class so the query can still be paged or streamed.</summary>
public sealed class ScoreSource
{
    public required string TicketNumber { get; init; }
    public PersonalDetails? Details { get; init; }
    public required string ProjectName { get; init; }
    public decimal? Points { get; init; }
    public ExamOutcome Outcome { get; init; }

    public ScoreListItem ToItem() => new(TicketNumber, Details?.FullName ?? string.Empty, ProjectName, Points, Outcome);
}
