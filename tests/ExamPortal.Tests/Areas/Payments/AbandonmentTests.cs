using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>
/// 视为放弃报考: the job that ends the approved registrations left unpaid when the payment window closes. The job sees every
/// batch of the shared database, so counts are checked only where nothing else can be overdue (a second run).
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class AbandonmentTests(PortalFactory portal)
{
    private const string AbandonedTitle = "未按时缴费，视为放弃报考";
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Approved_without_a_receipt_is_abandoned_after_the_window_once_and_a_receipt_awaiting_finance_is_left_alone()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (unpaidUser, _, _) = await _scenario.CandidateAsync();
        var unpaid = await _scenario.ApprovedInBatchAsync(unpaidUser);
        var (paidUser, _, _) = await _scenario.CandidateAsync();
        var paid = await _scenario.ApprovedInBatchAsync(paidUser);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 2, 10, 0, 0, ChinaTime.Offset));
        await _scenario.PaymentSubmittedAsync(paidUser, paid, Scenario.Serial());

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 3, 23, 59, 0, ChinaTime.Offset));
        await RunAsync();
        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(unpaid)).Status);

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 4, 0, 0, 0, ChinaTime.Offset));
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first >= 1, $"the first run after the window abandoned {first}");
        Assert.Equal(0, second);
        var registration = await _scenario.RegistrationAsync(unpaid);
        Assert.Equal(RegistrationStatus.Abandoned, registration.Status);
        var step = Assert.Single(registration.History, e => e.To == RegistrationStatus.Abandoned);
        Assert.Equal((RegistrationEvent.SystemUserId, RegistrationActions.Abandoned), (step.ActorUserId, step.Action));
        Assert.Contains("未提交缴费凭证", step.Note, StringComparison.Ordinal);
        Assert.Single(await _scenario.MessagesAsync(unpaidUser), m => m.Title == AbandonedTitle);
        var untouched = await _scenario.RegistrationAsync(paid);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, untouched.Status);
        Assert.DoesNotContain(untouched.History, e => e.To == RegistrationStatus.Abandoned);
        Assert.DoesNotContain(await _scenario.MessagesAsync(paidUser), m => m.Title == AbandonedTitle);
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_exactly_one_set_of_messages()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (firstUser, _, _) = await _scenario.CandidateAsync();
        var first = await _scenario.ApprovedInBatchAsync(firstUser);
        var (secondUser, _, _) = await _scenario.CandidateAsync();
        var second = await _scenario.ApprovedInBatchAsync(secondUser);
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CPAYC1X", "pay@late.example");
        var applicants = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["逾期甲", "逾期乙"]);

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 4, 8, 0, 0, ChinaTime.Offset));
        var runs = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        Assert.Equal(0, runs.Min());
        Assert.True(runs.Max() >= 4, $"one run abandoned {runs.Max()}");
        Assert.Equal(0, again);
        foreach (var id in new[] { first, second }.Concat(applicants))
        {
            var registration = await _scenario.RegistrationAsync(id);
            Assert.Equal(RegistrationStatus.Abandoned, registration.Status);
            Assert.Single(registration.History, e => e.To == RegistrationStatus.Abandoned);
        }

        Assert.Single(await _scenario.MessagesAsync(firstUser), m => m.Title == AbandonedTitle);
        Assert.Single(await _scenario.MessagesAsync(secondUser), m => m.Title == AbandonedTitle);
        var institutionMessage = Assert.Single(await _scenario.MessagesAsync(staffId), m => m.Title == "考生未按时缴费，视为放弃报考");
        Assert.Contains("2名考生", institutionMessage.Body, StringComparison.Ordinal);
        Assert.Contains("逾期甲", institutionMessage.Body, StringComparison.Ordinal);
        Assert.Contains("逾期乙", institutionMessage.Body, StringComparison.Ordinal);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentAbandonment>().RunAsync(CancellationToken.None);
    }
}
