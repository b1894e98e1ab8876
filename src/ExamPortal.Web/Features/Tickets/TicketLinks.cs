namespace ExamPortal.Web.Features.Tickets;

public static class TicketLinks
{
    /// <summary>
    /// Where a ticket's QR code points: Portal:PublicBaseUrl when the portal sits behind a proxy that rewrites the
    /// host, otherwise the address the request came in on.
    /// </summary>
    public static Func<string, string> VerificationUrl(HttpRequest request, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Portal:PublicBaseUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
        return token => $"{root}/Tickets/Verify/{Uri.EscapeDataString(token)}";
    }

    public static string FileName(string what, string batchTitle) => $"{what}-{batchTitle}.pdf";
}
