using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox.Capture;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace ExamPortal.Web.Features.Outbox;

/// <summary>
/// Sends outbox e-mails over SMTP with MailKit: one connection per batch, UTF-8 subject and body. With <c>Smtp:Capture</c>
/// it connects to the in-process <see cref="SmtpCaptureListener"/> instead of <c>Smtp:Host</c>.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, CapturedMail capture)
{
    /// <summary>What happened to each message: null when the server accepted it, else why not.</summary>
    public async Task<IReadOnlyDictionary<Guid, Exception?>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcome = new Dictionary<Guid, Exception?>();
        if (messages.Count == 0)
        {
            return outcome;
        }

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.Value.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await ConnectAsync(client, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // No server, no mail: every message of the batch waits for the next attempt.
            foreach (var message in messages)
            {
                outcome[message.Id] = ex;
            }

            return outcome;
        }

        foreach (var message in messages)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, ct);
                }

                await client.SendAsync(Compose(message), ct);
                outcome[message.Id] = null;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcome[message.Id] = ex;
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception ex) when (ex is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpProtocolException or IOException)
            {
                // The mail is already accepted; a QUIT that fails changes nothing.
            }
        }

        return outcome;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Capture)
        {
            await client.ConnectAsync("127.0.0.1", await capture.PortAsync(ct), SecureSocketOptions.None, ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new InvalidOperationException("未配置 SMTP 服务器（Smtp:Host）");
        }

        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
        }
    }

    private MimeMessage Compose(OutboxMessage outbox)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage
        {
            Subject = outbox.Subject,
            Date = outbox.CreatedAt,
            // The outbox id, so a message sent twice (a crash between SMTP and commit) is recognisably the same one.
            MessageId = $"{outbox.Id:N}@{from.Domain}",
            Body = new TextPart(TextFormat.Plain) { Text = outbox.Body },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(outbox.Recipient));
        return message;
    }
}
