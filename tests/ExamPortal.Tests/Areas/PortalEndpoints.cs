using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas;

/// <summary>One handler of a Razor page: its HTTP method and handler name (null for plain OnGet/OnPost).</summary>
public sealed record PageHandler(string Method, string? Name)
{
    public bool IsPost => Method == "POST";

    /// <summary>As the matrix writes it: GET, POST, GET:Pdf, POST:Approve.</summary>
    public override string ToString() => Name is null ? Method : $"{Method}:{Name}";

    public string Url(string pageUrl) => Name is null ? pageUrl : $"{pageUrl}?handler={Name}";
}

/// <summary>
/// A Razor page as the running portal routes it: the key the matrix uses ("/Index", "/Candidate/Registrations/View"),
/// a URL whose route values exist nowhere, its handlers and the compiled descriptor they came from.
/// </summary>
public sealed record PortalPage(string Key, string? Area, string PageInArea, string Url, IReadOnlyList<string> RouteParameters,
    IReadOnlyList<PageHandler> Handlers, CompiledPageActionDescriptor Compiled)
{
    public bool IgnoresAntiforgery(PageHandler handler) =>
        Compiled.EndpointMetadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any()
        || Compiled.HandlerTypeInfo.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true)
        || Compiled.HandlerMethods.Where(h => Matches(h, handler)).Any(h => h.MethodInfo.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true));

    private static bool Matches(HandlerMethodDescriptor descriptor, PageHandler handler) =>
        string.Equals(descriptor.HttpMethod, handler.Method, StringComparison.OrdinalIgnoreCase) && descriptor.Name == handler.Name;
}

/// <summary>
/// Every page and handler of the portal, read from its own endpoint data: the endpoints carry a PageActionDescriptor,
/// and the PageLoader (what routing itself calls when a page is first hit) compiles it into the descriptor that knows
/// the handler methods. Nothing here is listed by hand, so a page added to src shows up by itself.
/// </summary>
public static class PortalEndpoints
{
    public static async Task<List<PortalPage>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<PortalPage>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            // An Index page has two routes ("Centre" and "Centre/Index"): the shorter is the one links use.
            .GroupBy(x => (x.Descriptor!.AreaName, x.Descriptor.ViewEnginePath))
            .Select(g => g.OrderBy(x => x.Endpoint.RoutePattern.RawText!.Length).First());
        foreach (var (endpoint, descriptor) in endpoints)
        {
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            // A page answers a plain GET even without an OnGet (it renders).
            var handlers = compiled.HandlerMethods
                .Select(h => new PageHandler(h.HttpMethod.ToUpperInvariant(), h.Name))
                .Append(new PageHandler("GET", null))
                .Distinct()
                .OrderBy(h => h.Method, StringComparer.Ordinal).ThenBy(h => h.Name ?? string.Empty, StringComparer.Ordinal)
                .ToList();
            var key = descriptor!.AreaName is { } area ? $"/{area}{descriptor.ViewEnginePath}" : descriptor.ViewEnginePath;
            var url = "/" + AreaAuthorizationTests.Sample(endpoint.RoutePattern.RawText!).TrimEnd('/');
            pages.Add(new PortalPage(key, descriptor.AreaName, descriptor.ViewEnginePath, url,
                [.. endpoint.RoutePattern.Parameters.Select(p => p.Name)], handlers, compiled));
        }

        return [.. pages.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Endpoints that are not Razor pages (health check, development-only helpers), by route.</summary>
    public static List<string> OtherRoutes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
