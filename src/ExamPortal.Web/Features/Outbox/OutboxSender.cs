using ExamPortal.Web.Infrastructure.Logging;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>
/// Runs <see cref="OutboxDelivery"/> every <c>Outbox:PollSeconds</c> (on unless <c>Outbox:Enabled=false</c>). Safe on
/// every instance at once: the delivery claims rows with SKIP LOCKED.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunOnceAsync(stoppingToken);
                    if (report.Attempted > 0)
                    {
                        logger.OutboxDelivered(report.Sent, report.Retrying, report.Failed);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.JobFailed("OutboxSender", ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping cuts a delivery short (a cancelled command, a closed SMTP connection): the claimed rows stay
            // pending and the next instance sends them; the host's shutdown must not fail over it.
        }
    }
}
