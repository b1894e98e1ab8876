using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ExamPortal.Web.Areas.Centre.Pages.Admin.Outbox;

/// <summary>发送记录: every e-mail and SMS the portal queued, newest first, recipients masked; failed ones may be requeued.</summary>
public sealed class IndexModel(OutboxAdministration outbox, IOptions<SmtpOptions> smtp, IOptions<SmsOptions> sms, XlsxExport export, QueueExports exports) : PageModel
{
    [BindProperty(SupportsGet = true)] public OutboxStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public OutboxChannel? Channel { get; set; }
    public Page<OutboxListItem> Messages { get; private set; } = default!;
    public bool IsCapturing => smtp.Value.Capture || sms.Value.Capture;
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct) =>
        Messages = await outbox.ListAsync(Status, Channel, pageNumber, ct);

    public IActionResult OnGetExport(CancellationToken ct) =>
        export.File(User.ToActor(), "发送记录", $"状态：{Status?.ToChinese() ?? "全部"}；方式：{Channel?.ToChinese() ?? "全部"}", exports.Outbox(Status, Channel, ct));

    public async Task<IActionResult> OnPostRequeueAsync(Guid id, CancellationToken ct)
    {
        var result = await outbox.RequeueAsync(id, User.ToActor(), ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Ok:
                StatusMessage = "已重新加入发送队列";
                break;
            default:
                StatusMessage = result.Message;
                break;
        }

        return RedirectToPage(new { Status, Channel });
    }
}
