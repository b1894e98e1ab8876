using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Http;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExamPortal.Web.Pages.Tickets;

/// <summary>
/// 准考证下载 for anyone (section 六): ID number + name give the ticket of the batch whose printing window is open.
/// A wrong pair, of whichever field, says only that nothing matched; lookups are limited per client address.
/// </summary>
[EnableRateLimiting(PortalRateLimits.PublicLookup)]
public sealed class DownloadModel(
    TicketQueries tickets, TicketDocuments documents, IValidator<TicketLookupInput> validator,
    IConfiguration configuration, TimeProvider clock) : PageModel
{
    public const string NothingMatched = "未查询到匹配的准考证。请核对证件号码和姓名是否与报名时一致；准考证在缴费确认、省职鉴中心发放后才能查询。";

    [BindProperty] public TicketLookupInput Input { get; set; } = new();
    public string? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await validator.IsValidInto(Input, ModelState, nameof(Input), ct))
        {
            return Page();
        }

        var found = await tickets.LookupAsync(Input.IdNumber!, Input.FullName!, ct);
        if (found.Count == 0)
        {
            Outcome = NothingMatched;
            return Page();
        }

        var now = clock.GetUtcNow();
        var printable = found.Where(t => TicketWindows.PrintRefusal(now, t.Printing) is null).OrderByDescending(t => t.ExamDate).FirstOrDefault();
        if (printable is null)
        {
            var next = found.OrderBy(t => t.ExamDate).Last();
            Outcome = TicketWindows.PrintRefusal(now, next.Printing);
            return Page();
        }

        return PdfStreamResult.Attachment(Response, $"准考证-{printable.Number}.pdf",
            await documents.TicketAsync(printable, TicketLinks.VerificationUrl(Request, configuration), ct));
    }
}
