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

/// <summary>Published results: the public 成绩公示 (masked names, no ID numbers) and each candidate's own.</summary>
public sealed class ResultQueries(PortalDbContext db, ResultCalendar results, TimeProvider clock)
{
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
