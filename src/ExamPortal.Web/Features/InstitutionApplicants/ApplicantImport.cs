using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.InstitutionApplicants;

/// <summary>
/// Turns an uploaded applicant sheet into draft registrations of the institution's channel. Valid rows
/// import even when others fail; a person already registered by this institution in the batch is left
/// as is, so uploading the same file twice creates nobody twice. All new rows are saved together.
/// </summary>
public sealed class ApplicantImport(PortalDbContext db, FileStore files, TimeProvider clock)
{
    public async Task<InstitutionImport> ImportAsync(Actor staff, int institutionId, int batchId, string fileName, Stream content, CancellationToken ct)
    {
        var (batch, plans, context) = await ContextAsync(batchId, ct);
        var now = clock.GetUtcNow();
        var import = new InstitutionImport
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institutionId,
            BatchId = batchId,
            FileName = Path.GetFileName(fileName),
            UploadedByUserId = staff.UserId,
            UploadedAt = now,
        };
        var sheet = batch.Schedule.IsRegistrationOpen(now)
            ? ApplicantSheetReader.Read(content, context)
            : new ApplicantSheet([], [ClosedMessage(batch)]);
        import.SheetProblems = sheet.SheetProblems;
        if (sheet.SheetProblems.Count > 0)
        {
            db.Add(import);
            await db.SaveChangesAsync(ct);
            return import;
        }

        var (results, failed, _) = await AddRowsAsync(staff, institutionId, batch, plans, sheet.Rows, now, ct);
        import.Rows = results;
        import.ImportedCount = results.Count(r => r.Outcome == ImportRowOutcome.Imported);
        import.AlreadyImportedCount = results.Count(r => r.Outcome == ImportRowOutcome.AlreadyImported);
        import.FailedCount = failed.Count;
        if (failed.Count > 0)
        {
            import.ErrorReportFileId = await files.SaveAsync(staff.UserId, "导入失败的行.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ImportErrorReport.Build(failed), ct);
        }

        db.Add(import);
        await db.SaveChangesAsync(ct);
        return import;
    }

    /// <summary>The single-applicant form: one row, by exactly the rules of the sheet.</summary>
    public async Task<(Guid? RegistrationId, IReadOnlyList<RowProblem> Problems)> AddOneAsync(Actor staff, int institutionId, int batchId, object?[] cells, CancellationToken ct)
    {
        var (batch, plans, context) = await ContextAsync(batchId, ct);
        var now = clock.GetUtcNow();
        if (!batch.Schedule.IsRegistrationOpen(now))
        {
            return (null, [new RowProblem(string.Empty, ClosedMessage(batch))]);
        }

        var row = new ApplicantRowParser(context).Parse(1, cells);
        var (_, failed, created) = await AddRowsAsync(staff, institutionId, batch, plans, [row], now, ct);
        if (created.Count == 0)
        {
            return (null, failed.Count > 0 ? failed[0].Problems : [new RowProblem("证件号码", "本机构已在本批次登记该考生")]);
        }

        await db.SaveChangesAsync(ct);
        return (created[0].Id, []);
    }

    /// <summary>
    /// Changes an applicant's typed details (a fix after the centre returned it, or before the first
    /// review): the row is checked by the sheet's rules, with the ID number and project kept as registered.
    /// </summary>
    public async Task<WorkflowResult> UpdateOneAsync(Actor staff, int institutionId, Guid registrationId, object?[] cells, CancellationToken ct)
    {
        var registration = await db.Registrations.Include(r => r.Documents).Include(r => r.History)
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.InstitutionId == institutionId, ct);
        if (registration is null)
        {
            return WorkflowResult.NotFound;
        }

        var (batch, plans, context) = await ContextAsync(registration.BatchId, ct);
        var project = plans.Single(p => p.Id == registration.ExamPlanId).Project;
        cells[ApplicantColumns.IdDocumentType.Index] = IdDocumentTypes.DisplayName(registration.IdDocumentType);
        cells[ApplicantColumns.IdNumber.Index] = registration.IdNumber;
        cells[ApplicantColumns.Project.Index] = project.Name;
        var row = new ApplicantRowParser(context).Parse(1, cells);
        if (!row.IsValid)
        {
            return WorkflowResult.Refused(string.Join("；", row.Problems.Select(p => $"{p.Column}：{p.Message}")));
        }

        try
        {
            registration.SaveDetails(Details(row) with { EducationProofCase = registration.Details?.EducationProofCase }, staff, clock.GetUtcNow(), batch.Schedule);
        }
        catch (DomainRuleException ex)
        {
            return WorkflowResult.Refused(ex.Message);
        }

        await db.SaveChangesAsync(ct);
        return WorkflowResult.Ok;
    }

    private async Task<(Batch Batch, List<PlanProject> Plans, ImportContext Context)> ContextAsync(int batchId, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var plans = await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == batchId && p.Project.IsActive)
            .Select(p => new PlanProject(p.Id, p.Project)).ToListAsync(ct);
        var context = new ImportContext(ChinaTime.DateOf(clock.GetUtcNow()),
            plans.ToDictionary(p => p.Project.Name, p => new ProjectRule(p.Project.Code, p.Project.Name, p.Project.Eligibility)));
        return (batch, plans, context);
    }

    private static string ClosedMessage(Batch batch) =>
        $"{batch.Title}的报名时间为{batch.Schedule.Registration.Start:yyyy年M月d日}至{batch.Schedule.Registration.End:M月d日}，现在不能登记考生";

    private async Task<(List<ImportRowResult> Results, List<ApplicantRow> Failed, List<Registration> Created)> AddRowsAsync(Actor staff, int institutionId, Batch batch,
        List<PlanProject> plans, IReadOnlyList<ApplicantRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        var numbers = rows.Where(r => r.IsValid).Select(r => r.IdNumber).Distinct().ToList();
        var existing = await db.Registrations.AsNoTracking()
            .Where(r => r.BatchId == batch.Id && numbers.Contains(r.IdNumber) && !Registration.NotLiveStatuses.Contains(r.Status))
            .Select(r => new { r.IdDocumentType, r.IdNumber, r.InstitutionId })
            .ToListAsync(ct);
        var results = new List<ImportRowResult>(rows.Count);
        var failed = new List<ApplicantRow>();
        var created = new List<Registration>();
        foreach (var row in rows)
        {
            var checkedRow = row;
            var owner = row.IsValid ? existing.Find(e => e.IdDocumentType == row.IdDocumentType && e.IdNumber == row.IdNumber) : null;
            if (owner is not null && owner.InstitutionId == institutionId)
            {
                results.Add(Result(row, ImportRowOutcome.AlreadyImported, ["本机构已在本批次登记该考生，未重复导入"]));
                continue;
            }

            if (owner is not null)
            {
                checkedRow = row.WithProblem(new RowProblem("证件号码", "该考生已在本批次通过其他报名机构或个人报名，同一批次只能报名一次"));
            }

            if (!checkedRow.IsValid)
            {
                failed.Add(checkedRow);
                results.Add(Result(checkedRow, ImportRowOutcome.Failed, checkedRow.Problems.Select(p => $"{p.Column}：{p.Message}").ToList()));
                continue;
            }

            var plan = plans.Single(p => p.Project.Code == checkedRow.ProjectCode);
            var registration = Draft(staff, institutionId, plan.Id, batch, checkedRow, now);
            db.Registrations.Add(registration);
            created.Add(registration);
            results.Add(Result(checkedRow, ImportRowOutcome.Imported, []));
        }

        return (results, failed, created);
    }

    private sealed record PlanProject(int Id, Project Project);

    private static Registration Draft(Actor staff, int institutionId, int planId, Batch batch, ApplicantRow row, DateTimeOffset now)
    {
        var registration = Registration.StartDraft(Guid.CreateVersion7(), null, RegistrationChannel.Institution, institutionId, planId, batch.Id,
            row.IdDocumentType!.Value, row.IdNumber, staff, now, batch.Schedule);
        registration.SaveDetails(Details(row), staff, now, batch.Schedule);
        return registration;
    }

    private static PersonalDetails Details(ApplicantRow row)
    {
        // The row was judged on the condition the institution chose, with what it vouches for in its first review.
        var qualification = row.Qualification!;
        return new PersonalDetails
        {
            FullName = row.FullName,
            Gender = row.Gender!.Value,
            BirthDate = row.BirthDate!.Value,
            Mobile = row.Mobile,
            Education = row.Education!.Value,
            School = row.School,
            Major = row.Major,
            Employer = row.Employer,
            Occupation = qualification.Occupation,
            MajorGroupName = qualification.MajorGroupName,
            DeclaresRelatedSkill = qualification.DeclaresRelatedSkill,
            Declarations = [.. qualification.Declarations],
        };
    }

    private static ImportRowResult Result(ApplicantRow row, ImportRowOutcome outcome, IReadOnlyList<string> problems) =>
        new(row.RowNumber, row.FullName, row.IdNumber.Length > 4 ? IdentityNumber.Mask(row.IdNumber) : row.IdNumber, row.ProjectName, outcome, problems);
}
