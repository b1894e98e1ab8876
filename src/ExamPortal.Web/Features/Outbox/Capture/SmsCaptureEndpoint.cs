using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Features.Outbox.Capture;

/// <summary>
/// The SMS contract (docs/notifications.md) served by the portal itself when <c>Sms:Capture</c> is on outside Production,
/// so <see cref="HttpSmsSender"/> is exercised end to end: same JSON, same bearer key, same answers a provider adapter gives.
/// </summary>
public static class SmsCaptureEndpoint
{
    public const string Path = "/dev/sms";

    public static void MapSmsCapture(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (HttpRequest request, SmsRequest? body, CapturedSms texts, IOptions<SmsOptions> options, TimeProvider clock) =>
        {
            var expected = $"Bearer {options.Value.Key}";
            var given = request.Headers.Authorization.ToString();
            if (string.IsNullOrEmpty(options.Value.Key)
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                return Microsoft.AspNetCore.Http.Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (string.IsNullOrWhiteSpace(body?.To) || string.IsNullOrWhiteSpace(body.Text))
            {
                return Microsoft.AspNetCore.Http.Results.Json(new { error = "to and text are required" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var key = request.Headers["Idempotency-Key"].ToString();
            texts.Add(new CapturedText(body.To, body.Text, key.Length == 0 ? null : key, clock.GetUtcNow()));
            return Microsoft.AspNetCore.Http.Results.Json(new { accepted = true }, statusCode: StatusCodes.Status202Accepted);
        }).AllowAnonymous().DisableAntiforgery();
}
