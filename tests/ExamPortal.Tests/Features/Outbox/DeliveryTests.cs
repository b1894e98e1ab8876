using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox.Capture;
using MimeKit;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>
/// Delivery end to end: MailKit over real SMTP to the in-process SmtpServer listener, HttpSmsSender over real HTTP to the
/// portal's own /dev/sms; what arrived is read back from CapturedMail and CapturedSms.
/// </summary>
[Collection(OutboxPortal.Name)]
public sealed class DeliveryTests(OutboxPortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task An_approval_is_mailed_over_smtp_in_chinese_and_the_row_becomes_sent()
    {
        var (userId, _, email) = await portal.CandidateWithEmailAsync(_scenario);
        var id = await _scenario.ApprovedAsync(userId, "03");
        var row = Assert.Single(await portal.OutboxForAsync(userId), m => m.Channel == OutboxChannel.Email && m.Subject == "报名审核通过");

        var report = await portal.DeliverAsync();

        Assert.True(report.Sent >= 1, $"sent {report.Sent}");
        var mail = Assert.Single(portal.Mail().To(email), m => m.Subject == "报名审核通过");
        Assert.Single(portal.Mail().To(email), m => m.Subject == "报名已提交，等待审核");
        Assert.Equal([email], mail.To);
        Assert.Equal([email], mail.EnvelopeRecipients);
        Assert.Contains("2026年第2批“大数据采集”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("已审核通过，请在缴费期内缴费", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("四川省专项职业能力考核报名平台", mail.From, StringComparison.Ordinal);
        Assert.Equal("utf-8", Assert.IsType<TextPart>(mail.Message.Body).ContentType.Charset, ignoreCase: true);
        Assert.Equal($"{row.Id:N}@examportal.local", mail.MessageId);
        var sent = await portal.OutboxRowAsync(row.Id);
        Assert.Equal((OutboxStatus.Sent, 1, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(portal.Clock.GetUtcNow(), sent.SentAt!.Value, TimeSpan.FromMinutes(1));
        Assert.Equal(id, Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "报名审核通过").RegistrationId);

        await portal.DeliverAsync();
        Assert.Equal(2, portal.Mail().To(email).Count);
    }

    [Fact]
    public async Task The_sms_goes_through_HttpSmsSender_to_the_capture_endpoint_with_the_row_as_idempotency_key()
    {
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.SubmittedAsync(userId);
        var row = Assert.Single(await portal.OutboxForAsync(userId), m => m.Channel == OutboxChannel.Sms);

        await portal.DeliverAsync();

        var text = Assert.Single(portal.Texts().To(mobile));
        Assert.StartsWith("报名已提交，等待审核：您报名的2026年第2批", text.Text, StringComparison.Ordinal);
        Assert.Equal(row.Id.ToString(), text.IdempotencyKey);
        Assert.Equal(OutboxStatus.Sent, (await portal.OutboxRowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task The_capture_endpoint_holds_providers_to_the_contract_key_and_fields()
    {
        using var client = portal.CreateBrowserlessClient();
        var before = portal.Texts().All.Count;

        using var noKey = await client.PostAsJsonAsync(SmsCaptureEndpoint.Path, new { to = "13700000000", text = "无密钥" });
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, SmsCaptureEndpoint.Path) { Content = JsonContent.Create(new { to = "13700000000", text = "错误密钥" }) };
        wrongKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using var wrong = await client.SendAsync(wrongKey);
        using var emptyText = new HttpRequestMessage(HttpMethod.Post, SmsCaptureEndpoint.Path) { Content = JsonContent.Create(new { to = "13700000000", text = "" }) };
        emptyText.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OutboxPortalFactory.SmsKey);
        using var empty = await client.SendAsync(emptyText);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before, portal.Texts().All.Count);
    }

    [Fact]
    public async Task Two_delivery_runs_at_once_send_every_message_exactly_once()
    {
        var addresses = Enumerable.Range(0, 23).Select(i => $"bingfa{i}.{Guid.NewGuid():N}@example.com").ToList();
        var ids = new List<Guid>();
        foreach (var address in addresses)
        {
            ids.Add(await portal.QueueEmailAsync(address, "并发发送测试", "两个发送进程同时运行，每封邮件只发送一次。"));
        }

        var reports = await Task.WhenAll(portal.DeliverAsync(), portal.DeliverAsync());

        Assert.True(reports.Sum(r => r.Sent) >= addresses.Count, $"sent {reports[0].Sent} + {reports[1].Sent}");
        Assert.All(addresses, address => Assert.Single(portal.Mail().To(address)));
        foreach (var id in ids)
        {
            var row = await portal.OutboxRowAsync(id);
            Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        }
    }
}
