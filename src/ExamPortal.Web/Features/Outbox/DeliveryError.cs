using System.Net.Sockets;
using System.Text.RegularExpressions;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Infrastructure.Logging;
using MailKit.Net.Smtp;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>
/// Why a delivery failed, as stored in <see cref="OutboxMessage.LastError"/> and shown to administrators: the kind of
/// failure and the server's code, with any address, mobile or ID number a server echoed back masked out.
/// </summary>
public static partial class DeliveryError
{
    public const int MaxLength = 1000;

    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception switch
        {
            SmtpCommandException smtp => $"SMTP 服务器拒绝（{(int)smtp.StatusCode} {smtp.ErrorCode}）：{smtp.Message}",
            SmtpProtocolException protocol => $"SMTP 协议错误：{protocol.Message}",
            MailKit.Security.AuthenticationException => "SMTP 登录失败，请检查 Smtp:UserName 与 Smtp:Password",
            MailKit.Security.SslHandshakeException => "SMTP 加密握手失败，请检查 Smtp:Security 与端口",
            SocketException socket => $"无法连接服务器（{socket.SocketErrorCode}）",
            HttpRequestException http when http.StatusCode is { } status => $"短信接口返回 {(int)status}",
            HttpRequestException http => $"无法连接短信接口（{http.HttpRequestError}）",
            TimeoutException or TaskCanceledException => "发送超时",
            _ => $"{exception.GetType().Name}：{exception.Message}",
        };
        return Scrub(text);
    }

    /// <summary>Masks e-mail addresses, mobile and ID numbers; keeps the text within the column.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = PersonalDataMasking.Mask(Address().Replace(text, m => ExamPortal.Domain.People.EmailAddress.Mask(m.Value)));
        return masked.Length <= MaxLength ? masked : masked[..MaxLength];
    }

    [GeneratedRegex(@"[^\s<>""'()\[\]:;,]+@[A-Za-z0-9.-]+")]
    private static partial Regex Address();
}
