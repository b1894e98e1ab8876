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

    private List<(string Area, string Url)> AreaPages()
    {
        var pages = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page?.AreaName is not null)
            .Select(x => (x.Page!.AreaName!, "/" + x.Endpoint.RoutePattern.RawText!.TrimEnd('/')))
            .Distinct()
            .ToList();
        Assert.All(AllowedByArea.Keys, area => Assert.Contains(pages, p => p.Item1 == area));
        Assert.DoesNotContain(pages, p => p.Item2.Contains('{', StringComparison.Ordinal));
        return pages;
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_area_page()
    {
        var client = portal.CreateBrowserlessClient();
        foreach (var (_, url) in AreaPages())
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
        foreach (var (area, url) in AreaPages())
        {
            var response = await client.GetAsync(url);

            var expected = AllowedByArea[area].Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} on {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            if (expected == HttpStatusCode.Forbidden)
            {
                Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }
}
