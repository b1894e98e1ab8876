using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas;

/// <summary>Every page under /Candidate, /Institution and /Centre, found from the app's own endpoints.</summary>
[Collection(SharedPortal.Name)]
public sealed class AreaAuthorizationTests(PortalFactory portal)
{
    private static readonly Dictionary<string, Role[]> AllowedByArea = new()
    {
        ["Candidate"] = [Role.Candidate],
        ["Institution"] = [Role.InstitutionStaff],
        ["Centre"] = [Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin],
    };

    /// <summary>
    /// Route parameters get an id that exists nowhere: the right role sees 404, never another's data. An int-constrained
    /// parameter gets a number, or the route would not match and every role would see 404 before authorization.
    /// </summary>
    internal static string Sample(string template) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}:]+:int\??\}", "987654321"), @"\{[^}]+\}", Guid.NewGuid().ToString());

    private List<(string Area, string Page, string Url, bool ForOneRecord)> AreaPages()
    {
        var pages = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page?.AreaName is not null)
            .Select(x => (x.Page!.AreaName!, x.Page.ViewEnginePath, "/" + Sample(x.Endpoint.RoutePattern.RawText!).TrimEnd('/'), x.Endpoint.RoutePattern.Parameters.Count > 0))
            .Distinct()
            .ToList();
        Assert.All(AllowedByArea.Keys, area => Assert.Contains(pages, p => p.Item1 == area));
        return pages;
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_area_page()
    {
        var client = portal.CreateBrowserlessClient();
        foreach (var (_, _, url, _) in AreaPages())
        {
            var response = await client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode} to an anonymous visitor");
            Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    [InlineData(Role.CentreAdmin)]
    public async Task Each_role_reaches_its_own_area_and_gets_403_elsewhere(Role role)
    {
        var client = await portal.AsAsync(role);
        foreach (var (area, page, url, forOneRecord) in AreaPages())
        {
            var response = await client.GetAsync(url);

            // Centre pages follow the page-by-page table of CentreRoleTable (separation of duties).
            var allowed = area == "Centre" ? CentreRoleTable.Rows[page].Contains(role) : AllowedByArea[area].Contains(role);
            var expected = !allowed ? HttpStatusCode.Forbidden : forOneRecord ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            Assert.True(expected == response.StatusCode, $"{role} on {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            if (expected == HttpStatusCode.Forbidden)
            {
                Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }
}
