using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>With the SMTP server down, a message waits 1, 2, 4 … 60 minutes between attempts and is given up after 8.</summary>
[Collection(SmtpDownPortal.Name)]
public sealed class RetryTests(SmtpDownPortalFactory portal)
{
    private static readonly int[] DelayMinutes = [1, 2, 4, 8, 16, 32, 60];

    [Fact]
    public async Task Smtp_down_schedules_retries_with_back_off_and_gives_up_as_failed_after_eight_attempts()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 5, 6, 9, 0, 0, ChinaTime.Offset));
        var address = $"chongshi.{Guid.NewGuid():N}@example.com";
        var id = await portal.QueueEmailAsync(address, "重试测试", "SMTP 服务器不可用时按退避间隔重试。");

        for (var attempt = 1; attempt < SmtpDownPortalFactory.MaxAttempts; attempt++)
        {
            var report = await portal.DeliverAsync();
            var ranAt = portal.Clock.GetUtcNow();

            Assert.True(report.Retrying >= 1, $"attempt {attempt}: {report}");
            var row = await portal.OutboxRowAsync(id);
            Assert.Equal((OutboxStatus.Pending, attempt), (row.Status, row.Attempts));
            Assert.Equal(ranAt + TimeSpan.FromMinutes(DelayMinutes[attempt - 1]), row.NextAttemptAt, TimeSpan.FromSeconds(5));
            Assert.StartsWith("无法连接服务器（ConnectionRefused）", row.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(address, row.LastError, StringComparison.OrdinalIgnoreCase);

            // Not due yet: a run half a minute early leaves it alone.
            portal.Clock.SetNow(row.NextAttemptAt - TimeSpan.FromSeconds(30));
            await portal.DeliverAsync();
            Assert.Equal(attempt, (await portal.OutboxRowAsync(id)).Attempts);
            portal.Clock.SetNow(row.NextAttemptAt);
        }

        var last = await portal.DeliverAsync();
        var failed = await portal.OutboxRowAsync(id);
        Assert.True(last.Failed >= 1, last.ToString());
        Assert.Equal((OutboxStatus.Failed, SmtpDownPortalFactory.MaxAttempts, (DateTimeOffset?)null), (failed.Status, failed.Attempts, failed.SentAt));
        Assert.NotNull(failed.LastError);

        portal.Clock.SetNow(portal.Clock.GetUtcNow().AddDays(1));
        await portal.DeliverAsync();
        var after = await portal.OutboxRowAsync(id);
        Assert.Equal((OutboxStatus.Failed, SmtpDownPortalFactory.MaxAttempts), (after.Status, after.Attempts));
    }
}
