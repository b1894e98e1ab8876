namespace ExamPortal.Web.Infrastructure.Http;

/// <summary>
/// Headers every response carries, pages, files and error pages alike. The pages have no inline script, style or
/// event handler (scripts and styles are files under wwwroot), so the policy allows only the portal's own origin;
/// images may also be data: URIs (QR codes). Referrer-Policy same-origin: verification links carry tokens in the
/// path, which must not leak to another site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Apply(context.Response.Headers);
            return next(context);
        });

    /// <summary>Sets the headers on a response written outside the pipeline's pages (the maintenance page).</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }
}
