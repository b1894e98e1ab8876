using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>
/// Every portal message also goes out: an e-mail to a confirmed address, an SMS to the account's mobile when SMS is on,
/// queued in the same unit of work as the message and the change that caused it.
/// </summary>
[Collection(OutboxPortal.Name)]
public sealed class NotifierOutboxTests(OutboxPortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_return_by_the_reviewer_queues_the_message_an_email_and_an_sms_together()
    {
        var (userId, mobile, email) = await portal.CandidateWithEmailAsync(_scenario);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var id = await _scenario.SubmittedAsync(userId);
        portal.Clock.SetNow(Scenario.Batch2Review);

        var returned = await _scenario.WorkflowAsync(w => w.ReturnAsync(id, _scenario.VersionOf(id), Scenario.Reviewer, "照片不清晰", ["照片"], CancellationToken.None));

        Assert.True(returned.Succeeded, returned.Message);
        var message = Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "报名被退回修改");
        var queued = await portal.OutboxForAsync(userId);
        var mail = Assert.Single(queued, m => m.Channel == OutboxChannel.Email && m.Subject == message.Title);
        Assert.Equal((email, message.Title, OutboxStatus.Pending, 0), (mail.Recipient, mail.Subject, mail.Status, mail.Attempts));
        Assert.StartsWith(message.Body, mail.Body, StringComparison.Ordinal);
        Assert.Contains("请勿直接回复", mail.Body, StringComparison.Ordinal);
        var text = Assert.Single(queued, m => m.Channel == OutboxChannel.Sms && m.Body == $"{message.Title}：{message.Body}");
        Assert.Equal(mobile, text.Recipient);
    }

    [Fact]
    public async Task An_unconfirmed_address_gets_no_email_but_the_mobile_still_gets_the_sms()
    {
        var (userId, mobile, _) = await portal.CandidateWithEmailAsync(_scenario, confirmed: false);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);

        await _scenario.SubmittedAsync(userId);

        var queued = await portal.OutboxForAsync(userId);
        Assert.DoesNotContain(queued, m => m.Channel == OutboxChannel.Email);
        Assert.Single(queued, m => m.Channel == OutboxChannel.Sms && m.Recipient == mobile && m.Body.StartsWith("报名已提交，等待审核", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_of_work_that_rolls_back_leaves_neither_the_message_nor_its_deliveries()
    {
        var (userId, _, _) = await portal.CandidateWithEmailAsync(_scenario);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<Notifier>().User(userId, "不会发出的消息", "事务回滚后不应留下任何记录。");
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.UserId == userId));
            await transaction.RollbackAsync();
        }

        Assert.Empty(await _scenario.MessagesAsync(userId));
        Assert.Empty(await portal.OutboxForAsync(userId));
    }

    [Fact]
    public async Task A_change_refused_as_a_conflict_queues_nothing()
    {
        var (userId, _, _) = await portal.CandidateWithEmailAsync(_scenario);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var id = await _scenario.SubmittedAsync(userId);
        var before = (await portal.OutboxForAsync(userId)).Count;
        portal.Clock.SetNow(Scenario.Batch2Review);

        var stale = await _scenario.WorkflowAsync(w => w.ApproveAsync(id, _scenario.VersionOf(id) + 1, Scenario.Reviewer, null, CancellationToken.None));

        Assert.Equal(WorkflowOutcome.Conflict, stale.Outcome);
        Assert.Equal(RegistrationStatus.Submitted, (await _scenario.RegistrationAsync(id)).Status);
        Assert.Equal(before, (await portal.OutboxForAsync(userId)).Count);
    }

    [Fact]
    public async Task Institution_staff_with_a_confirmed_address_get_the_institution_message_by_email()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var staff = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == SignedIn.LoginOf(Role.InstitutionStaff));
        var title = $"机构通知{Guid.NewGuid():N}"[..12];

        await scope.ServiceProvider.GetRequiredService<Notifier>().InstitutionAsync(staff.InstitutionId!.Value, title, "贵机构有新的通知。", CancellationToken.None);
        await db.SaveChangesAsync();

        var mail = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == title).ToListAsync());
        Assert.Equal((OutboxChannel.Email, staff.Email, staff.Id), (mail.Channel, mail.Recipient, mail.UserId));
    }
}
