using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Outbox.Capture;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Outbox;

/// <summary>
/// 开发环境收件箱: outside Production, the mail the in-process SMTP listener received and the texts the SMS capture endpoint
/// received, newest first, in full (they never left the machine). Empty, and saying so, when capture is off.
/// </summary>
public sealed class CapturedModel(CapturedMail mail, CapturedSms sms, IOptions<SmtpOptions> smtp, IOptions<SmsOptions> smsOptions) : PageModel
{
    public const int Shown = 100;

    public bool MailCaptured => smtp.Value.Capture;
    public bool SmsCaptured => smsOptions.Value.Capture;
    public int? SmtpPort => mail.Port;
    public IReadOnlyList<CapturedEmail> Mails { get; private set; } = [];
    public IReadOnlyList<CapturedText> Texts { get; private set; } = [];

    public void OnGet()
    {
        Mails = [.. mail.All.Reverse().Take(Shown)];
        Texts = [.. sms.All.Reverse().Take(Shown)];
    }
}
