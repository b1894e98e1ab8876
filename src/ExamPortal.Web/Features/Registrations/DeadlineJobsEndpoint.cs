using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Reminders;

namespace ExamPortal.Web.Features.Registrations;

/// <summary>
/// Runs one deadline job on request, for the two-instance test (tests/.../ScaleOut) and for trying a deadline by hand:
/// mapped only outside Production and only with <c>Jobs:RunOnRequest=true</c>. <c>at</c> (an instant, real time) holds the
/// run until then, so two instances asked a moment apart start the job at the same moment.
/// </summary>
public static class DeadlineJobsEndpoint
{
    public const string Path = "/dev/jobs/{job}";

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public static void MapDeadlineJobs(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (string job, DateTimeOffset? at, IServiceProvider services, CancellationToken ct) =>
        {
            Func<CancellationToken, Task<int>>? run = job switch
            {
                "return-expiry" => services.GetRequiredService<ReturnExpiry>().RunAsync,
                "payment-abandonment" => services.GetRequiredService<PaymentAbandonment>().RunAsync,
                "reminders" => services.GetRequiredService<DeadlineReminders>().RunAsync,
                _ => null,
            };
            if (run is null)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }

            // Real time, not the portal's clock: Clock:Now shifts what the job sees, not when the two runs start.
            if (at is { } start && start - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < LongestWait ? wait : LongestWait, ct);
            }

            return Microsoft.AspNetCore.Http.Results.Json(new { acted = await run(ct) });
        }).AllowAnonymous().DisableAntiforgery();
}
