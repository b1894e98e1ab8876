using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>The body of the SMS contract: <c>{"to": "13800000001", "text": "…"}</c>.</summary>
public sealed record SmsRequest(string To, string Text);

/// <summary>Sends one text; throws when it was not accepted, so the outbox retries it.</summary>
public interface ISmsSender
{
    /// <param name="messageId">The outbox row, sent as <c>Idempotency-Key</c>: a retry after a lost answer repeats it.</param>
    Task SendAsync(string mobile, string text, Guid messageId, CancellationToken ct);
}

/// <summary>
/// The one SMS sender: POSTs the contract's JSON to <c>Sms:Url</c> with <c>Authorization: Bearer {Sms:Key}</c>; any 2xx is
/// accepted. A provider is plugged in behind an adapter that speaks this contract (docs/notifications.md). With
/// <c>Sms:Capture</c> (outside Production) the URL is the portal's own <see cref="SmsCaptureEndpoint"/>.
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options, IServer server) : ISmsSender
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task SendAsync(string mobile, string text, Guid messageId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint())
        {
            Content = JsonContent.Create(new SmsRequest(mobile, text), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Key);
        request.Headers.Add("Idempotency-Key", messageId.ToString());
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private Uri Endpoint()
    {
        var settings = options.Value;
        if (!settings.Capture)
        {
            return Uri.TryCreate(settings.Url, UriKind.Absolute, out var url)
                ? url
                : throw new InvalidOperationException("未配置短信接口地址（Sms:Url）");
        }

        // The portal's own address as Kestrel bound it (port 0 in tests); a wildcard host is reached on loopback.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("短信捕获接口尚不可用：门户还没有监听地址");
        var scheme = address[..address.IndexOf("://", StringComparison.Ordinal)];
        var port = address[(address.LastIndexOf(':') + 1)..].TrimEnd('/');
        return new Uri($"{scheme}://127.0.0.1:{port}{SmsCaptureEndpoint.Path}");
    }
}
