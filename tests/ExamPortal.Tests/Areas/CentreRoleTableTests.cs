using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas;

/// <summary>
/// Every Centre page × every role against CentreRoleTable. Reading is checked page by page in AreaAuthorizationTests;
/// here: the table is complete, and posting is refused wherever reading is.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class CentreRoleTableTests(PortalFactory portal)
{
    public static TheoryData<Role> AllSignedInRoles { get; } =
        [Role.Candidate, Role.InstitutionStaff, Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin];

    [Fact]
    public void Every_centre_page_has_a_row_and_every_row_a_page()
    {
        var pages = CentrePages().Select(p => p.Page).ToHashSet(StringComparer.Ordinal);

        var withoutRow = string.Join(", ", pages.Where(p => !CentreRoleTable.Rows.ContainsKey(p)));
        var withoutPage = string.Join(", ", CentreRoleTable.Rows.Keys.Where(p => !pages.Contains(p)));

        Assert.True(withoutRow.Length == 0, $"Centre pages without a row in CentreRoleTable: {withoutRow}");
        Assert.True(withoutPage.Length == 0, $"Rows of CentreRoleTable for pages that do not exist: {withoutPage}");
    }

    [Theory]
    [MemberData(nameof(AllSignedInRoles))]
    public async Task A_role_cannot_post_to_a_centre_page_outside_its_row(Role role)
    {
        var client = await portal.AsAsync(role);
        var tokenSource = await client.GetDocumentAsync(role switch
        {
            Role.Candidate => "/Candidate",
            Role.InstitutionStaff => "/Institution",
            _ => "/Centre",
        });
        var failures = new List<string>();
        var refused = 0;
        foreach (var (page, url, _) in CentrePages().Where(p => !CentreRoleTable.Rows[p.Page].Contains(role)))
        {
            var response = await client.PostWithTokenAsync(tokenSource, url, new Dictionary<string, string> { ["Reason"] = "越权尝试" });

            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"POST {url} ({page}): expected 403, got {(int)response.StatusCode}");
            }

            refused++;
        }

        Assert.Empty(failures);
        Assert.True(role == Role.CentreAdmin || refused > 0, $"{role} should be refused somewhere");
    }

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    [InlineData(Role.CentreAdmin)]
    public async Task The_centre_home_offers_a_role_exactly_the_console_pages_of_its_row(Role role)
    {
        var client = await portal.AsAsync(role);
        var home = await client.GetDocumentAsync("/Centre");

        var offered = home.QuerySelectorAll(".console-links a").Select(a => PageOfLink(a.GetAttribute("href")!)).ToList();

        Assert.All(offered, page => Assert.True(CentreRoleTable.Rows[page].Contains(role), $"{role} is offered {page}"));
        var consolePages = new[] { "/Reviews/Index", "/Payments/Index", "/Tickets/Index", "/Admin/Audit/Index", "/Admin/Batches/Index" };
        Assert.All(consolePages.Where(p => CentreRoleTable.Rows[p].Contains(role)), page => Assert.Contains(page, offered));
    }

    [Fact]
    public async Task Separation_of_duties_holds_for_the_acts_that_matter()
    {
        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var finance = await portal.AsAsync(Role.CentreFinance);
        var reviewerToken = await reviewer.GetDocumentAsync("/Centre");
        var financeToken = await finance.GetDocumentAsync("/Centre");
        var someId = Guid.NewGuid();

        var confirmByReviewer = await reviewer.PostWithTokenAsync(reviewerToken, $"/Centre/Payments/Decide/{someId}?handler=Confirm", new Dictionary<string, string>());
        var reviewByFinance = await finance.PostWithTokenAsync(financeToken, $"/Centre/Reviews/Review/{someId}?handler=Approve", new Dictionary<string, string>());
        var administerByFinance = await finance.PostWithTokenAsync(financeToken, "/Centre/Admin/PaymentSettings", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, confirmByReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviewByFinance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, administerByFinance.StatusCode);
    }

    private static string PageOfLink(string href)
    {
        var path = href.Split('?')[0]["/Centre".Length..];
        return CentreRoleTable.Rows.ContainsKey(path) ? path : $"{path}/Index";
    }

    /// <summary>Centre pages from the app's endpoints, each with a URL whose route values exist nowhere.</summary>
    private List<(string Page, string Url, bool ForOneRecord)> CentrePages() =>
        [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor?.AreaName == "Centre")
            .Select(x => (x.Descriptor!.ViewEnginePath, "/" + AreaAuthorizationTests.Sample(x.Endpoint.RoutePattern.RawText!).TrimEnd('/'), x.Endpoint.RoutePattern.Parameters.Count > 0))
            .DistinctBy(x => x.ViewEnginePath)];
}
