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
/// as is, so uploading the same file twice creates nobody twice. The import is read and checked first
/// (<see cref="PrepareAsync"/>: the sheet, the domain's drafts), then written in one transaction
/// (<see cref="SaveAsync"/>): the drafts by binary COPY, the import record and its error report by EF.
/// </summary>
public sealed class ApplicantImport(PortalDbContext db, FileStore files, RegistrationBulkInsert bulk, TimeProvider clock)
{
    private const string AlreadyOursMessage = "本机构已在本批次登记该考生，未重复导入";
    private const string TakenElsewhereMessage = "该考生已在本批次通过其他报名机构或个人报名，同一批次只能报名一次";

    public async Task<InstitutionImport> ImportAsync(Actor staff, int institutionId, int batchId, string fileName, Stream content, CancellationToken ct) =>
        await SaveAsync(staff, await PrepareAsync(staff, institutionId, batchId, fileName, content, ct), ct);

    /// <summary>Reads and checks the sheet and builds the drafts of its valid rows; nothing is saved.</summary>
    public async Task<PreparedImport> PrepareAsync(Actor staff, int institutionId, int batchId, string fileName, Stream content, CancellationToken ct)
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
        var rows = sheet.SheetProblems.Count > 0 ? [] : await PlanRowsAsync(staff, institutionId, batch, plans, sheet.Rows, now, ct);
        return new PreparedImport(import, rows);
    }

    /// <summary>
    /// Saves a prepared import all or nothing: its new registrations with their history, the import record and the
    /// error report. A person who got a live registration in the batch since it was prepared is reported on the row
    /// exactly as if found while preparing.
    /// </summary>
    public async Task<InstitutionImport> SaveAsync(Actor staff, PreparedImport prepared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(prepared);
        var import = prepared.Import;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = prepared.Rows;
        var drafts = rows.Where(r => r.Registration is not null).Select(r => r.Registration!).ToList();
        if (drafts.Count > 0)
        {
            var inserted = await bulk.InsertAsync(drafts, ct);
            if (inserted.Count < drafts.Count)
            {
                rows = await RejudgeConflictsAsync(import, rows, inserted, ct);
            }
        }

        var failed = rows.Where(r => r.Outcome == ImportRowOutcome.Failed).Select(r => r.Row).ToList();
        // The imported rows are in the applicant list; the record keeps the rows that need the institution's attention,
        // so a clean 5,000-row sheet does not write (and its result page does not read) 5,000 results.
        import.Rows = [.. rows.Where(r => r.Outcome != ImportRowOutcome.Imported).Select(r => Result(r.Row, r.Outcome, r.Problems))];
        import.ImportedCount = rows.Count(r => r.Outcome == ImportRowOutcome.Imported);
        import.AlreadyImportedCount = rows.Count(r => r.Outcome == ImportRowOutcome.AlreadyImported);
        import.FailedCount = failed.Count;
        if (failed.Count > 0)
        {
            import.ErrorReportFileId = files.Add(staff.UserId, "导入失败的行.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ImportErrorReport.Build(failed));
        }

        db.Add(import);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
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
        var planned = (await PlanRowsAsync(staff, institutionId, batch, plans, [row], now, ct))[0];
        if (planned.Registration is not { } registration)
        {
            return (null, planned.Outcome == ImportRowOutcome.Failed ? planned.Row.Problems : [new RowProblem("证件号码", "本机构已在本批次登记该考生")]);
        }

        db.Registrations.Add(registration);
        await db.SaveChangesAsync(ct);
        return (registration.Id, []);
    }

    /// <summary>
    /// Changes an applicant's typed details (a fix after the centre returned it, or before the first
    /// review): the row is checked by the sheet's rules, with the ID number and project kept as registered. The version
    /// is the one the form was loaded at: a form left open while someone else changed the applicant is refused, not saved over.
    /// </summary>
    public async Task<WorkflowResult> UpdateOneAsync(Actor staff, int institutionId, Guid registrationId, uint version, object?[] cells, CancellationToken ct)
    {
        var registration = await db.Registrations.Include(r => r.Documents).Include(r => r.History)
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.InstitutionId == institutionId, ct);
        if (registration is null)
        {
            return WorkflowResult.NotFound;
        }

        if (registration.Version != version)
        {
            return WorkflowResult.Conflict;
        }

        db.Entry(registration).Property(r => r.Version).OriginalValue = version;

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

        return await db.SaveOrConflictAsync(WorkflowResult.Ok, ct);
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

    // Each row judged against the live registrations of its person in the batch, with a draft for each row to import.
    private async Task<List<PlannedRow>> PlanRowsAsync(Actor staff, int institutionId, Batch batch,
        List<PlanProject> plans, IReadOnlyList<ApplicantRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        var numbers = rows.Where(r => r.IsValid).Select(r => r.IdNumber).Distinct().ToList();
        var owners = await LiveOwnersAsync(batch.Id, numbers, ct);
        var planned = new List<PlannedRow>(rows.Count);
        foreach (var row in rows)
        {
            var judged = Judge(row, row.IsValid ? owners.GetValueOrDefault((row.IdDocumentType!.Value, row.IdNumber)) : null, institutionId);
            if (judged.Outcome == ImportRowOutcome.Imported)
            {
                var plan = plans.Single(p => p.Project.Code == row.ProjectCode);
                judged = judged with { Registration = Draft(staff, institutionId, plan.Id, batch, row, now) };
            }

            planned.Add(judged);
        }

        return planned;
    }

    // The rows whose drafts the database refused because the person got a live registration in the meantime,
    // judged again against whoever holds it now.
    private async Task<List<PlannedRow>> RejudgeConflictsAsync(InstitutionImport import, List<PlannedRow> rows, HashSet<Guid> inserted, CancellationToken ct)
    {
        var refused = rows.Where(r => r.Registration is { } registration && !inserted.Contains(registration.Id)).ToList();
        var owners = await LiveOwnersAsync(import.BatchId, [.. refused.Select(r => r.Row.IdNumber).Distinct()], ct);
        return [.. rows.Select(r => r.Registration is { } registration && !inserted.Contains(registration.Id)
            ? Judge(r.Row, owners.GetValueOrDefault((registration.IdDocumentType, registration.IdNumber)) ?? new LiveOwner(null), import.InstitutionId)
            : r)];
    }

    private async Task<Dictionary<(IdDocumentType, string), LiveOwner>> LiveOwnersAsync(int batchId, List<string> numbers, CancellationToken ct)
    {
        var live = await db.Registrations.AsNoTracking()
            .Where(r => r.BatchId == batchId && numbers.Contains(r.IdNumber) && !Registration.NotLiveStatuses.Contains(r.Status))
            .Select(r => new { r.IdDocumentType, r.IdNumber, r.InstitutionId })
            .ToListAsync(ct);
        var owners = new Dictionary<(IdDocumentType, string), LiveOwner>(live.Count);
        foreach (var registration in live)
        {
            owners.TryAdd((registration.IdDocumentType, registration.IdNumber), new LiveOwner(registration.InstitutionId));
        }

        return owners;
    }

    // What becomes of a row, given who (if anyone) already holds a live registration of the person in the batch.
    private static PlannedRow Judge(ApplicantRow row, LiveOwner? owner, int institutionId)
    {
        if (owner is not null && owner.InstitutionId == institutionId)
        {
            return new PlannedRow(row, ImportRowOutcome.AlreadyImported, [AlreadyOursMessage], null);
        }

        var checkedRow = owner is null ? row : row.WithProblem(new RowProblem("证件号码", TakenElsewhereMessage));
        return checkedRow.IsValid
            ? new PlannedRow(checkedRow, ImportRowOutcome.Imported, [], null)
            : new PlannedRow(checkedRow, ImportRowOutcome.Failed, [.. checkedRow.Problems.Select(p => $"{p.Column}：{p.Message}")], null);
    }

    private sealed record LiveOwner(int? InstitutionId);

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

/// <summary>One row of a sheet as judged, with the draft to save when it imports.</summary>
public sealed record PlannedRow(ApplicantRow Row, ImportRowOutcome Outcome, IReadOnlyList<string> Problems, Registration? Registration);

/// <summary>An import read and checked, not yet saved: the record to keep and every row of the sheet.</summary>
public sealed record PreparedImport(InstitutionImport Import, List<PlannedRow> Rows);
