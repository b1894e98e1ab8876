using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExamPortal.Web.Features.Administration;

public sealed record BatchListItem(int Id, int Year, int Number, BatchSchedule Schedule, BatchPhase Phase, int Plans)
{
    public string Title => Batch.TitleOf(Year, Number);
}

public sealed record BatchList(IReadOnlyList<int> Years, int? Year, Page<BatchListItem> Batches);

/// <summary>A project the batch form offers, with what already hangs on its plan in this batch.</summary>
public sealed record PlanChoice(int ProjectId, string Code, string Name, bool IsActive, int? PlanId, int Registrations, bool IsCancelled);

public sealed record BatchFormChoices(string? Title, bool RegistrationOpened, IReadOnlyList<PlanChoice> Projects, IReadOnlyList<string> Venues, IReadOnlyList<string> Warnings);

/// <summary>
/// The CentreAdmin creates and edits batches (any year) with their plans. The dates are checked by the domain
/// (BatchWindowsCheck against the year's calendar, and its rules for batches already under way); every save is
/// audited as BatchCreated or BatchChanged with what changed.
/// </summary>
public sealed class BatchSetup(PortalDbContext db, CalendarService calendar, PortalClock clock)
{
    public const int PageSize = 20;
    public const int MaxNumber = 99;

    public async Task<BatchList> ListAsync(int? year, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var years = await db.Batches.AsNoTracking().Select(b => b.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        var query = db.Batches.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(b => b.Year == y);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.Year).ThenBy(b => b.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(b => new { Batch = b, Plans = b.Plans.Count(p => p.CancelledAt == null) })
            .ToListAsync(ct);
        var today = clock.Today;
        var items = rows.Select(r => new BatchListItem(r.Batch.Id, r.Batch.Year, r.Batch.Number, r.Batch.Schedule, r.Batch.Schedule.PhaseOn(today), r.Plans)).ToList();
        return new BatchList(years, year, new Page<BatchListItem>(items, page, PageSize, total));
    }

    /// <summary>A new batch: next year's next number, every active project on the default venue and sitting.</summary>
    public async Task<BatchInput> NewInputAsync(CancellationToken ct)
    {
        var year = clock.Today.Year + 1;
        var last = await db.Batches.Where(b => b.Year == year).MaxAsync(b => (int?)b.Number, ct);
        var input = new BatchInput { Year = year, Number = (last ?? 0) + 1 };
        var venue = (await VenuesAsync(ct)).FirstOrDefault() ?? ExamPlan.DefaultVenue;
        input.Plans = [.. (await ChoicesAsync(null, ct)).Select(c => new PlanInput
        {
            ProjectId = c.ProjectId,
            Selected = c.IsActive,
            Venue = venue,
            StartTime = Time(ExamPlan.DefaultStartTime),
            EndTime = Time(ExamPlan.DefaultEndTime),
        })];
        return input;
    }

    public async Task<BatchInput?> InputAsync(int id, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().Include(b => b.Plans).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return null;
        }

        var input = new BatchInput
        {
            Year = batch.Year,
            Number = batch.Number,
            RegistrationStart = batch.RegistrationStart,
            RegistrationEnd = batch.RegistrationEnd,
            ReviewStart = batch.ReviewStart,
            ReviewEnd = batch.ReviewEnd,
            PaymentStart = batch.PaymentStart,
            PaymentEnd = batch.PaymentEnd,
            TicketPrintingStart = batch.TicketPrintingStart,
            TicketPrintingEnd = batch.TicketPrintingEnd,
            ExamDate = batch.ExamDate,
            Stamp = Stamp(batch),
        };
        var venue = (await VenuesAsync(ct)).FirstOrDefault() ?? ExamPlan.DefaultVenue;
        input.Plans = [.. (await ChoicesAsync(id, ct)).Select(c => batch.Plans.SingleOrDefault(p => p.ProjectId == c.ProjectId) is { } plan
            ? new PlanInput { ProjectId = c.ProjectId, Selected = true, Venue = plan.Venue, StartTime = Time(plan.ExamStartTime), EndTime = Time(plan.ExamEndTime) }
            : new PlanInput { ProjectId = c.ProjectId, Selected = false, Venue = venue, StartTime = Time(ExamPlan.DefaultStartTime), EndTime = Time(ExamPlan.DefaultEndTime) })];
        return input;
    }

    public async Task<BatchFormChoices> FormChoicesAsync(int? id, BatchInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var batch = id is { } batchId ? await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct) : null;
        var warnings = new List<string>();
        if (batch is not null)
        {
            var verdict = BatchWindowsCheck.Check(BatchDates.Of(batch.Year, batch.Schedule), await calendar.GetAsync(ct));
            warnings.AddRange(verdict.Errors.Concat(verdict.Warnings).Select(i => i.Message));
        }

        return new BatchFormChoices(batch?.Title, batch is not null && batch.RegistrationStart <= clock.Today,
            await ChoicesAsync(id, ct), await VenuesAsync(ct), warnings);
    }

    public async Task<AdminResult> SaveAsync(int? id, BatchInput input, Actor admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Batch? batch = null;
        if (id is { } batchId)
        {
            batch = await db.Batches.Include(b => b.Plans).ThenInclude(p => p.Project).SingleOrDefaultAsync(b => b.Id == batchId, ct);
            if (batch is null)
            {
                return AdminResult.NotFound;
            }

            if (input.Stamp != Stamp(batch))
            {
                return AdminResult.Conflict;
            }
        }

        var today = clock.Today;
        var errors = new List<FieldMessage>();
        if (input.Year is not (>= Domain.Calendar.CalendarChange.FirstYear and <= Domain.Calendar.CalendarChange.LastYear))
        {
            errors.Add(new("Input.Year", $"请填写批次年度（{Domain.Calendar.CalendarChange.FirstYear}到{Domain.Calendar.CalendarChange.LastYear}之间），例如{today.Year + 1}"));
        }

        if (input.Number is not (>= 1 and <= MaxNumber))
        {
            errors.Add(new("Input.Number", $"请填写批次序号（1到{MaxNumber}），例如1表示第1批"));
        }
        else if (input.Year is { } year && await db.Batches.AnyAsync(b => b.Year == year && b.Number == input.Number && b.Id != (id ?? 0), ct))
        {
            errors.Add(new("Input.Number", $"{year}年已有第{input.Number}批，请换一个批次序号"));
        }

        var verdict = BatchWindowsCheck.Check(input.Dates, await calendar.GetAsync(ct));
        errors.AddRange(verdict.Errors.Select(Field));
        if (batch is not null)
        {
            errors.AddRange(BatchWindowsCheck.ChangeProblems(BatchDates.Of(batch.Year, batch.Schedule), input.Dates, today).Select(Field));
            if (batch.RegistrationStart <= today && batch.Number != input.Number)
            {
                errors.Add(new("Input.Number", $"该批次已开始报名，批次序号不能再修改，请保持第{batch.Number}批"));
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(await PlanProblemsAsync(batch, input, today, ct));
        }

        return errors.Count > 0
            ? AdminResult.Refused(errors)
            : await ApplyAsync(batch, input, [.. verdict.Warnings.Select(w => w.Message)], admin, ct);
    }

    private async Task<AdminResult> ApplyAsync(Batch? batch, BatchInput input, IReadOnlyList<string> warnings, Actor admin, CancellationToken ct)
    {
        var created = batch is null;
        batch ??= db.Batches.Add(new Batch()).Entity;
        var before = created ? null : Summary(batch);
        var beforePlans = batch.Plans.ToDictionary(p => p.ProjectId, PlanSummary);
        batch.Year = input.Year!.Value;
        batch.Number = input.Number!.Value;
        batch.RegistrationStart = input.RegistrationStart!.Value;
        batch.RegistrationEnd = input.RegistrationEnd!.Value;
        batch.ReviewStart = input.ReviewStart!.Value;
        batch.ReviewEnd = input.ReviewEnd!.Value;
        batch.PaymentStart = input.PaymentStart!.Value;
        batch.PaymentEnd = input.PaymentEnd!.Value;
        batch.TicketPrintingStart = input.TicketPrintingStart!.Value;
        batch.TicketPrintingEnd = input.TicketPrintingEnd!.Value;
        batch.ExamDate = input.ExamDate!.Value;

        var selected = input.Plans.Where(p => p.Selected).ToList();
        foreach (var plan in batch.Plans.Where(p => selected.TrueForAll(s => s.ProjectId != p.ProjectId)).ToList())
        {
            batch.Plans.Remove(plan);
            db.ExamPlans.Remove(plan);
        }

        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var row in selected)
        {
            var plan = batch.Plans.SingleOrDefault(p => p.ProjectId == row.ProjectId);
            if (plan is null)
            {
                plan = new ExamPlan { ProjectId = row.ProjectId };
                batch.Plans.Add(plan);
            }

            plan.Venue = row.Venue!.Trim();
            _ = ArrangementInput.TryParseTime(row.StartTime, out var start);
            _ = ArrangementInput.TryParseTime(row.EndTime, out var end);
            plan.ExamStartTime = start;
            plan.ExamEndTime = end;
        }

        var changes = new List<string>();
        if (before is not null && before != Summary(batch))
        {
            changes.Add($"日期 {before} → {Summary(batch)}");
        }

        var afterPlans = batch.Plans.ToDictionary(p => p.ProjectId, PlanSummary);
        changes.AddRange(afterPlans.Where(p => !beforePlans.ContainsKey(p.Key)).Select(p => $"新增计划 {projects[p.Key]}（{p.Value}）"));
        changes.AddRange(beforePlans.Where(p => !afterPlans.ContainsKey(p.Key)).Select(p => $"移出计划 {projects[p.Key]}"));
        changes.AddRange(afterPlans.Where(p => beforePlans.TryGetValue(p.Key, out var was) && was != p.Value)
            .Select(p => $"{projects[p.Key]} {beforePlans[p.Key]} → {p.Value}"));

        // The new batch's id names the audit entry, so both saves share one transaction: the change and its record commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            var subject = $"Batch:{batch.Id}";
            var now = clock.GetUtcNow();
            if (created)
            {
                AuditTrail.Record(db, admin, now, AuditTrail.BatchCreated, subject,
                    $"新建{batch.Title}：{Summary(batch)}；考核计划{batch.Plans.Count}个：{string.Join("、", batch.Plans.Select(p => projects[p.ProjectId]))}");
            }
            else if (changes.Count > 0)
            {
                AuditTrail.Record(db, admin, now, AuditTrail.BatchChanged, subject, $"{batch.Title}：{string.Join("；", changes)}");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AdminResult.Refused("Input.Number", $"{input.Year}年已有第{input.Number}批，请换一个批次序号");
        }

        return AdminResult.Ok(warnings, batch.Id);
    }

    // Plans with registrations stay (a plan is cancelled through 取消考核计划 instead); a new plan needs an active
    // project and an open registration window to be worth anything; each plan needs a venue and a sitting.
    private async Task<List<FieldMessage>> PlanProblemsAsync(Batch? batch, BatchInput input, DateOnly today, CancellationToken ct)
    {
        var problems = new List<FieldMessage>();
        var choices = (await ChoicesAsync(batch?.Id, ct)).ToDictionary(c => c.ProjectId);
        for (var i = 0; i < input.Plans.Count; i++)
        {
            var row = input.Plans[i];
            var key = $"Input.Plans[{i}]";
            if (!choices.TryGetValue(row.ProjectId, out var choice))
            {
                problems.Add(new(null, "所选考核项目不存在或已停用，请刷新页面后重新选择"));
                continue;
            }

            if (!row.Selected)
            {
                if (choice.Registrations > 0)
                {
                    problems.Add(new($"{key}.Selected",
                        $"“{choice.Name}”已有{choice.Registrations}条报名，不能移出本批次；如需停考，请到“取消考核计划”办理"));
                }

                continue;
            }

            if (choice.PlanId is null && !choice.IsActive)
            {
                problems.Add(new($"{key}.Selected", $"“{choice.Name}”已停用，不能加入批次"));
            }

            if (choice.PlanId is null && input.RegistrationEnd < today)
            {
                problems.Add(new($"{key}.Selected", $"报名已结束，不能再加入“{choice.Name}”"));
            }

            if (string.IsNullOrWhiteSpace(row.Venue) || row.Venue.Trim().Length > 200)
            {
                problems.Add(new($"{key}.Venue", $"请填写“{choice.Name}”的考点（不超过200字）"));
            }

            var startOk = ArrangementInput.TryParseTime(row.StartTime, out var start);
            var endOk = ArrangementInput.TryParseTime(row.EndTime, out var end);
            if (!startOk || !endOk)
            {
                problems.Add(new($"{key}.StartTime", $"“{choice.Name}”的考核时间格式应为 09:00 和 11:00"));
            }
            else if (end <= start)
            {
                problems.Add(new($"{key}.EndTime", $"“{choice.Name}”的结束时间应晚于开始时间（{Time(start)}）"));
            }
        }

        if (!input.Plans.Exists(p => p.Selected))
        {
            problems.Add(new(null, "请至少选择一个考核项目"));
        }

        return problems;
    }

    private async Task<List<PlanChoice>> ChoicesAsync(int? batchId, CancellationToken ct)
    {
        var plans = batchId is { } id
            ? await db.ExamPlans.AsNoTracking().Where(p => p.BatchId == id)
                .Select(p => new { p.Id, p.ProjectId, Cancelled = p.CancelledAt != null, Registrations = db.Registrations.Count(r => r.ExamPlanId == p.Id) })
                .ToListAsync(ct)
            : [];
        var planned = plans.Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.IsActive || planned.Contains(p.Id))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Name, p.IsActive })
            .ToListAsync(ct);
        return [.. projects.Select(p => plans.SingleOrDefault(x => x.ProjectId == p.Id) is { } plan
            ? new PlanChoice(p.Id, p.Code, p.Name, p.IsActive, plan.Id, plan.Registrations, plan.Cancelled)
            : new PlanChoice(p.Id, p.Code, p.Name, p.IsActive, null, 0, false))];
    }

    private async Task<List<string>> VenuesAsync(CancellationToken ct) =>
        (await db.Venues.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Name).ToListAsync(ct)).Select(v => v.PlanVenueText).ToList();

    private static FieldMessage Field(BatchDateIssue issue) => new(issue.Field is { } field ? $"Input.{field}" : null, issue.Message);

    private static string Summary(Batch b) =>
        $"报名{b.RegistrationStart:yyyy-MM-dd}—{b.RegistrationEnd:yyyy-MM-dd}，审核{b.ReviewStart:yyyy-MM-dd}—{b.ReviewEnd:yyyy-MM-dd}，"
        + $"缴费{b.PaymentStart:yyyy-MM-dd}—{b.PaymentEnd:yyyy-MM-dd}，打印准考证{b.TicketPrintingStart:yyyy-MM-dd}—{b.TicketPrintingEnd:yyyy-MM-dd}，考核{b.ExamDate:yyyy-MM-dd}";

    private static string PlanSummary(ExamPlan p) => $"{p.Venue} {Time(p.ExamStartTime)}—{Time(p.ExamEndTime)}";

    private static string Stamp(Batch b)
    {
        var text = $"{b.Year}/{b.Number}/{Summary(b)}/{string.Join("|", b.Plans.OrderBy(p => p.ProjectId).Select(p => $"{p.ProjectId}:{PlanSummary(p)}"))}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
