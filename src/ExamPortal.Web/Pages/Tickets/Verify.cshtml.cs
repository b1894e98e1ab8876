using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Tickets;

/// <summary>
/// Where a ticket's QR code leads: the token must carry this portal's signature, so the page confirms only
/// tickets it issued and cannot be walked by trying numbers. Shows the masked name and the exam facts, no ID number.
/// </summary>
public sealed class VerifyModel(VerificationTokens tokens, TicketQueries tickets) : PageModel
{
    public TicketRow? Ticket { get; private set; }
    public bool IsSignedByPortal { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct)
    {
        var number = await tokens.VerifyAsync(TicketDocuments.TicketPurpose, token, ct);
        IsSignedByPortal = number is not null;
        Ticket = number is null ? null : await tickets.ByNumberAsync(number, ct);
        if (Ticket is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
