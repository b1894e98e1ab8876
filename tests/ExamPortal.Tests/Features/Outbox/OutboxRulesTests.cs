using System.Net.Sockets;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Outbox;

namespace ExamPortal.Tests.Features.Outbox;

/// <summary>The outbox's small rules: back-off, masking for the admin list, and error texts free of personal data.</summary>
public sealed class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(20, 60)]
    public void Retries_wait_twice_as_long_each_time_and_never_more_than_an_hour(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxOptions.RetryDelay(failedAttempts));

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("not-an-address", "**************")]
    [InlineData("@example.com", "************")]
    public void Email_addresses_show_their_first_character_and_domain(string address, string masked) =>
        Assert.Equal(masked, EmailAddress.Mask(address));

    [Fact]
    public void The_admin_list_masks_mobiles_with_the_shared_mobile_rule() =>
        Assert.Equal(MobileNumber.Mask("13812345678"), OutboxAdministration.MaskRecipient(OutboxChannel.Sms, "13812345678"));

    [Fact]
    public void Errors_keep_the_kind_and_code_but_not_the_addresses_or_numbers_a_server_echoed()
    {
        var rejected = new MailKit.Net.Smtp.SmtpCommandException(
            MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted, MailKit.Net.Smtp.SmtpStatusCode.MailboxUnavailable,
            "5.1.1 <zhangsan@example.com>: mailbox unavailable (mobile 13812345678, ID 510104199001011230)");

        var text = DeliveryError.Describe(rejected);

        Assert.StartsWith("SMTP 服务器拒绝（550 RecipientNotAccepted）", text, StringComparison.Ordinal);
        Assert.Contains("z***@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zhangsan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("510104199001011230", text, StringComparison.Ordinal);
        Assert.Equal("无法连接服务器（ConnectionRefused）", DeliveryError.Describe(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal("短信接口返回 503", DeliveryError.Describe(new HttpRequestException("x", null, System.Net.HttpStatusCode.ServiceUnavailable)));
        Assert.True(DeliveryError.Describe(new InvalidOperationException(new string('错', 3000))).Length <= DeliveryError.MaxLength);
    }
}
