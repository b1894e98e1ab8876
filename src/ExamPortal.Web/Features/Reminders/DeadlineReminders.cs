using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Infrastructure.Display;
using ExamPortal.Web.Infrastructure.Logging;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Reminders;

/// <summary>
/// Reminds, through <see cref="Notifier"/> (portal message, e-mail, SMS), those who still have to act when a window is
/// <see cref="WorkingDaysAhead"/> working days or fewer from its end: a returned registration not yet resubmitted before
/// the review window (审核期) ends, and an approved registration, or one whose receipt was returned, before the payment
/// window (缴费期) ends. Institution applicants have no account: their institution hears once per batch, with the count.
/// Each registration is reminded once per deadline (<see cref="Reminder"/>); runs under an advisory lock like the other
/// deadline jobs, every minute, and not before <see cref="QuietUntil"/> China time.
/// </summary>
public sealed class DeadlineReminders(PortalDbContext db, TimeProvider clock, CalendarService calendar, Notifier notifier, ILogger<DeadlineReminders> logger)
{
    public const int WorkingDaysAhead = 2;

    /// <summary>No reminder by SMS at midnight: the day's reminders go out from this hour.</summary>
    public static readonly TimeOnly QuietUntil = new(8, 0);

    private const long AdvisoryLockKey = 0x4550_5245_4D31; // "EPREM1"

    // Two working days are never further away than this, whatever the holidays.
    private const int HorizonDays = 31;

    private sealed record Due(Registration Registration, ReminderKind Kind, DateOnly Deadline);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (TimeOnly.FromTimeSpan(ChinaTime.ToChina(now).TimeOfDay) < QuietUntil)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var acquired = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"")
            .SingleAsync(ct);
        if (!acquired)
        {
            return 0;
        }

        var today = ChinaTime.DateOf(now);
        var horizon = today.AddDays(HorizonDays);
        var returned = await db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Returned)
            .Join(db.Batches.Where(b => b.ReviewEnd >= today && b.ReviewEnd <= horizon), r => r.BatchId, b => b.Id,
                (r, b) => new { Registration = r, Deadline = b.ReviewEnd })
            .Where(x => !db.Reminders.Any(m => m.RegistrationId == x.Registration.Id && m.Kind == ReminderKind.ReturnDeadline && m.Deadline == x.Deadline))
            .ToListAsync(ct);
        var unpaid = await db.Registrations.AsNoTracking()
            .Where(r => Registration.AwaitingPaymentStatuses.Contains(r.Status))
            .Join(db.Batches.Where(b => b.PaymentEnd >= today && b.PaymentEnd <= horizon), r => r.BatchId, b => b.Id,
                (r, b) => new { Registration = r, Deadline = b.PaymentEnd })
            .Where(x => !db.Reminders.Any(m => m.RegistrationId == x.Registration.Id && m.Kind == ReminderKind.PaymentDeadline && m.Deadline == x.Deadline))
            .ToListAsync(ct);

        var working = await calendar.GetAsync(ct);
        var due = returned.Select(x => new Due(x.Registration, ReminderKind.ReturnDeadline, x.Deadline))
            .Concat(unpaid.Select(x => new Due(x.Registration, ReminderKind.PaymentDeadline, x.Deadline)))
            .Where(d => IsNear(working, today, d.Deadline))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var planIds = due.Select(d => d.Registration.ExamPlanId).Distinct().ToList();
        var plans = await db.ExamPlans.AsNoTracking().Include(p => p.Batch).Include(p => p.Project)
            .Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        foreach (var item in due)
        {
            db.Reminders.Add(new Reminder { RegistrationId = item.Registration.Id, Kind = item.Kind, Deadline = item.Deadline, RemindedAt = now });
            if (item.Registration.CandidateUserId is { } userId)
            {
                var plan = plans[item.Registration.ExamPlanId];
                var (title, body) = ForCandidate(item, plan.Batch, plan.Project.Name);
                notifier.User(userId, title, body, item.Registration.Id);
            }
        }

        foreach (var group in due.Where(d => d.Registration.InstitutionId is not null)
                     .GroupBy(d => (InstitutionId: d.Registration.InstitutionId!.Value, d.Registration.BatchId, d.Kind)))
        {
            var batch = plans[group.First().Registration.ExamPlanId].Batch;
            var names = string.Join("、", group.Select(d => d.Registration.Details?.FullName ?? "（未填姓名）").Order(StringComparer.Ordinal));
            var (title, body) = ForInstitution(group.Key.Kind, batch, group.Count(), names);
            await notifier.InstitutionAsync(group.Key.InstitutionId, title, body, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    // The window ends today or within the next two working days (WorkingDaysBetween counts the days after today).
    private bool IsNear(WorkingDayCalendar working, DateOnly today, DateOnly deadline)
    {
        try
        {
            return working.WorkingDaysBetween(today, deadline) <= WorkingDaysAhead;
        }
        catch (CalendarYearMissingException)
        {
            logger.ReminderCalendarMissing(deadline, deadline.Year);
            return false;
        }
    }

    private static (string Title, string Body) ForCandidate(Due item, Batch batch, string projectName)
    {
        var what = $"您报名的{batch.Title}“{projectName}”";
        var end = item.Deadline.ToChineseLong();
        if (item.Kind == ReminderKind.ReturnDeadline)
        {
            return ("退回修改即将截止",
                $"{what}被退回修改，尚未重新提交。请在{end}前修改并重新提交，审核期于{end}结束，逾期未修改的报名不再受理。");
        }

        var state = item.Registration.Status == RegistrationStatus.PaymentReturned ? "的缴费凭证被退回，尚未重新提交" : "已审核通过，尚未提交缴费凭证";
        return ("缴费即将截止",
            $"{what}{state}。缴费期为{batch.PaymentStart.ToChineseLong()}至{end}，请在{end}前缴费并提交缴费凭证，逾期视为放弃报考。");
    }

    private static (string Title, string Body) ForInstitution(ReminderKind kind, Batch batch, int count, string names)
    {
        if (kind == ReminderKind.ReturnDeadline)
        {
            var end = batch.ReviewEnd.ToChineseLong();
            return ("退回修改即将截止",
                $"{batch.Title}有{count}名考生的报名被退回修改，尚未重新提交：{names}。请在{end}前修改并重新提交，审核期于{end}结束，逾期未修改的报名不再受理。");
        }

        var paymentEnd = batch.PaymentEnd.ToChineseLong();
        return ("缴费即将截止",
            $"{batch.Title}有{count}名考生尚未完成缴费：{names}。缴费期为{batch.PaymentStart.ToChineseLong()}至{paymentEnd}，请在{paymentEnd}前缴费并提交缴费凭证，逾期视为放弃报考。");
    }
}
