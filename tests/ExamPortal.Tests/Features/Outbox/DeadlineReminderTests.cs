using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>
/// Reminders two working days before a window ends (batch 2: review 3/16–3/27, payment 4/1–4/3, all working days), through
/// the notifier, so by message, e-mail and SMS; once per registration and deadline however often the job runs; none for
/// those who already acted. The job sees the whole database, so assertions are about these tests' own people.
/// </summary>
[Collection(OutboxPortal.Name)]
public sealed class DeadlineReminderTests(OutboxPortalFactory portal)
{
    private const string ReturnTitle = "退回修改即将截止";
    private const string PaymentTitle = "缴费即将截止";
    private readonly Scenario _scenario = new(portal);

    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, ChinaTime.Offset);

    [Fact]
    public async Task A_returned_registration_is_reminded_once_two_working_days_before_the_review_window_ends()
    {
        var (waitingUser, _, email) = await portal.CandidateWithEmailAsync(_scenario);
        var (actedUser, _, _) = await _scenario.CandidateAsync();
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var waiting = await _scenario.SubmittedAsync(waitingUser);
        var acted = await _scenario.SubmittedAsync(actedUser, projectCode: "02");
        portal.Clock.SetNow(Scenario.Batch2Review);
        foreach (var id in new[] { waiting, acted })
        {
            var returned = await _scenario.WorkflowAsync(w => w.ReturnAsync(id, _scenario.VersionOf(id), Scenario.Reviewer, "学历证书扫描件不清晰", ["学历证书"], CancellationToken.None));
            Assert.True(returned.Succeeded, returned.Message);
        }

        var resubmitted = await _scenario.WorkflowAsync(w => w.SubmitAsync(acted, _scenario.VersionOf(acted), new Actor(actedUser, Role.Candidate), CancellationToken.None));
        Assert.True(resubmitted.Succeeded, resubmitted.Message);

        portal.Clock.SetNow(China(3, 24, 10)); // 3/25, 3/26, 3/27 still to come: three working days
        await RunAsync();
        Assert.DoesNotContain(await _scenario.MessagesAsync(waitingUser), m => m.Title == ReturnTitle);

        portal.Clock.SetNow(China(3, 25, 7)); // two working days, but before eight in the morning
        Assert.Equal(0, await RunAsync());

        portal.Clock.SetNow(China(3, 25, 10));
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first >= 1, $"first run reminded {first}");
        Assert.Equal(0, second);
        var reminder = Assert.Single(await _scenario.MessagesAsync(waitingUser), m => m.Title == ReturnTitle);
        Assert.Equal(waiting, reminder.RegistrationId);
        Assert.Contains("请在2026年3月27日（星期五）前修改并重新提交", reminder.Body, StringComparison.Ordinal);
        Assert.Single(await portal.OutboxForAsync(waitingUser), m => m.Channel == OutboxChannel.Email && m.Recipient == email && m.Subject == ReturnTitle);
        Assert.Single(await portal.OutboxForAsync(waitingUser), m => m.Channel == OutboxChannel.Sms && m.Body.StartsWith(ReturnTitle, StringComparison.Ordinal));
        Assert.DoesNotContain(await _scenario.MessagesAsync(actedUser), m => m.Title == ReturnTitle);
        Assert.Equal([ReminderKind.ReturnDeadline], await RemindersAsync(waiting));
        Assert.Empty(await RemindersAsync(acted));

        portal.Clock.SetNow(China(3, 27, 16)); // the last day: still only the one reminder
        await RunAsync();
        Assert.Single(await _scenario.MessagesAsync(waitingUser), m => m.Title == ReturnTitle);
    }

    [Fact]
    public async Task An_unpaid_approval_is_reminded_once_before_the_payment_window_ends_and_a_submitted_receipt_is_not()
    {
        var (unpaidUser, _, _) = await _scenario.CandidateAsync();
        var (paidUser, _, _) = await _scenario.CandidateAsync();
        var unpaid = await _scenario.ApprovedAsync(unpaidUser, "04");
        var paid = await _scenario.ApprovedAsync(paidUser, "05");

        portal.Clock.SetNow(China(3, 31, 10)); // 4/1, 4/2, 4/3 to come
        await RunAsync();
        Assert.DoesNotContain(await _scenario.MessagesAsync(unpaidUser), m => m.Title == PaymentTitle);

        portal.Clock.SetNow(China(4, 1, 11));
        await _scenario.PaymentSubmittedAsync(paidUser, paid, Scenario.Serial());
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first >= 1, $"first run reminded {first}");
        Assert.Equal(0, second);
        var reminder = Assert.Single(await _scenario.MessagesAsync(unpaidUser), m => m.Title == PaymentTitle);
        Assert.Equal(unpaid, reminder.RegistrationId);
        Assert.Contains("已审核通过，尚未提交缴费凭证", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("请在2026年4月3日（星期五）前缴费并提交缴费凭证", reminder.Body, StringComparison.Ordinal);
        Assert.Equal([ReminderKind.PaymentDeadline], await RemindersAsync(unpaid));
        Assert.DoesNotContain(await _scenario.MessagesAsync(paidUser), m => m.Title == PaymentTitle);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(paid)).Status);
    }

    [Fact]
    public async Task An_institution_hears_once_per_batch_with_the_count_and_names_of_its_unpaid_applicants()
    {
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CREMD1X", "remind@institution.example");
        var applicants = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["提醒甲", "提醒乙"]);

        portal.Clock.SetNow(China(4, 2, 9));
        await RunAsync();
        await RunAsync();

        var message = Assert.Single(await _scenario.MessagesAsync(staffId), m => m.Title == PaymentTitle);
        Assert.Contains("2026年第2批有2名考生尚未完成缴费", message.Body, StringComparison.Ordinal);
        Assert.Contains("提醒甲", message.Body, StringComparison.Ordinal);
        Assert.Contains("提醒乙", message.Body, StringComparison.Ordinal);
        foreach (var id in applicants)
        {
            Assert.Equal([ReminderKind.PaymentDeadline], await RemindersAsync(id));
        }
    }

    private async Task<int> RunAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync(CancellationToken.None);
    }

    private async Task<List<ReminderKind>> RemindersAsync(Guid registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Reminders.AsNoTracking()
            .Where(r => r.RegistrationId == registrationId).Select(r => r.Kind).ToListAsync();
    }
}
