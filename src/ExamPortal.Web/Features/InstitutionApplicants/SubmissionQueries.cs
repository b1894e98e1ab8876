using ExamPortal.Domain.Common;
using ExamPortal.Domain.Institutions;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Infrastructure.Display;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

public sealed record ReadyBatch(int BatchId, string Title, int ReadyCount, int WaitingForReview);

public sealed record SubmissionRow(Guid Id, string Number, string InstitutionName, string BatchTitle, DateTimeOffset SubmittedAt, int ApplicantCount,
    DateOnly? OriginalsReceivedOn, DateOnly? AnswerBy, int? WorkingDaysLeft, uint Version)
{
    public bool IsOverdue => WorkingDaysLeft < 0;
}

public sealed class SubmissionQueries(PortalDbContext db, CalendarService calendar, TimeProvider clock)
{
    /// <summary>Batches in which the institution has applicants: how many passed the first review and wait to be sent.</summary>
    public async Task<IReadOnlyList<ReadyBatch>> ReadyAsync(int institutionId, CancellationToken ct)
    {
        var counts = await db.Registrations.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && (r.Status == RegistrationStatus.Draft || r.Status == RegistrationStatus.Returned))
            .GroupBy(r => r.BatchId)
            .Select(g => new { BatchId = g.Key, Ready = g.Count(r => r.FirstReviewPassedAt != null), Waiting = g.Count(r => r.FirstReviewPassedAt == null) })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.BatchId).ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        return counts.OrderBy(c => batches[c.BatchId].ExamDate)
            .Select(c => new ReadyBatch(c.BatchId, batches[c.BatchId].Title, c.Ready, c.Waiting)).ToList();
    }

    public Task<IReadOnlyList<SubmissionRow>> ForInstitutionAsync(int institutionId, CancellationToken ct) =>
        RowsAsync(db.InstitutionSubmissions.Where(s => s.InstitutionId == institutionId), ct);

    public Task<IReadOnlyList<SubmissionRow>> ForCentreAsync(int? batchId, CancellationToken ct) =>
        RowsAsync(batchId is { } id ? db.InstitutionSubmissions.Where(s => s.BatchId == id) : db.InstitutionSubmissions, ct);

    /// <summary>The submission's facts and roster, in the order the centre will read them.</summary>
    public async Task<SubmissionDocumentData?> DocumentDataAsync(Guid submissionId, int institutionId, CancellationToken ct)
    {
        var submission = await db.InstitutionSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.InstitutionId == institutionId, ct);
        if (submission is null)
        {
            return null;
        }

        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == institutionId, ct);
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == submission.BatchId, ct);
        var rows = await db.Registrations.AsNoTracking().Where(r => r.InstitutionSubmissionId == submissionId)
            .Join(db.ExamPlans, r => r.ExamPlanId, p => p.Id, (r, p) => new { r.IdDocumentType, r.IdNumber, r.Details, p.Project.Name, p.Project.Eligibility })
            .OrderBy(r => r.Name).ThenBy(r => r.IdNumber)
            .ToListAsync(ct);
        var entries = rows.Select((r, i) => new RosterEntry(i + 1, r.Details!.FullName, r.Details.Gender.ToChinese(), r.IdDocumentType.ToChinese(), r.IdNumber,
            r.Details.Mobile, r.Details.Education.ToChinese(), r.Name, ConditionOf(r.Eligibility, r.Details, ChinaTime.DateOf(submission.SubmittedAt)), r.Details.Employer)).ToList();
        return new SubmissionDocumentData(institution.Name, institution.CreditCode, institution.Address, institution.ContactPerson, institution.ContactPhone,
            batch.Title, batch.ExamDate, submission.Number, submission.SubmittedAt, submission.SubmittedByName, entries);
    }

    /// <summary>The condition the applicant met on the day the institution submitted: the one the roster states.</summary>
    private static string ConditionOf(Domain.Catalogue.EligibilityRule rule, PersonalDetails details, DateOnly submittedOn) =>
        rule.Evaluate(details.ToQualification(), submittedOn).MatchedPath?.Label ?? rule.Wording;

    private async Task<IReadOnlyList<SubmissionRow>> RowsAsync(IQueryable<InstitutionSubmission> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(s => s.SubmittedAt).Take(200)
            .Join(db.Institutions, s => s.InstitutionId, i => i.Id, (s, i) => new { Submission = s, i.Name })
            .Join(db.Batches, x => x.Submission.BatchId, b => b.Id, (x, b) => new { x.Submission, x.Name, b.Year, b.Number })
            .ToListAsync(ct);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var workingDays = await calendar.GetAsync(ct);
        return rows.Select(x =>
        {
            var answer = ReReviewDeadline.AsOf(x.Submission.OriginalsReceivedOn, today, workingDays);
            return new SubmissionRow(x.Submission.Id, x.Submission.Number, x.Name, Batch.TitleOf(x.Year, x.Number), x.Submission.SubmittedAt, x.Submission.ApplicantCount,
                x.Submission.OriginalsReceivedOn, answer?.AnswerBy, answer?.WorkingDaysLeft, x.Submission.Version);
        }).ToList();
    }
}
