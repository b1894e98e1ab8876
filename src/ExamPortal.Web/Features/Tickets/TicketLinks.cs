using ExamPortal.Web.Features.Verification;

namespace ExamPortal.Web.Features.Tickets;

public static class TicketLinks
{
    /// <summary>Where a ticket's QR code points.</summary>
    public static Func<string, string> VerificationUrl(HttpRequest request, IConfiguration configuration) =>
        PublicUrl.For(request, configuration, "/Tickets/Verify/");

    public static string FileName(string what, string batchTitle) => $"{what}-{batchTitle}.pdf";
}
