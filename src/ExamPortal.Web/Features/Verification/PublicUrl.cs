namespace ExamPortal.Web.Features.Verification;

public static class PublicUrl
{
    /// <summary>
    /// An absolute link printed in a QR code or handed out: on Portal:PublicBaseUrl when the portal sits behind a
    /// proxy that rewrites the host, otherwise on the address the request came in on.
    /// </summary>
    public static Func<string, string> For(HttpRequest request, IConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Portal:PublicBaseUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured.TrimEnd('/');
        return token => $"{root}{path}{Uri.EscapeDataString(token)}";
    }
}
