using ExamPortal.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace ExamPortal.Tests.Areas.Results;

/// <summary>
/// The public results page is served from the output cache to anonymous visitors (bench/: results day), is evicted
/// by a score saved meanwhile, and is never cached for, or served to, a signed-in user. Batch 2's project 09 is this
/// class's own.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PublicResultsCacheTests(PortalFactory portal)
{
    private const string Project = "09";

    private readonly ResultScenario _results = new(portal);

    [Fact]
    public async Task An_anonymous_visitor_gets_the_cached_page_until_a_score_is_saved_and_a_signed_in_candidate_never_gets_a_cached_one()
    {
        var holders = await _results.TicketHoldersAsync(Project, "缓存甲", "缓存乙");
        var (first, second) = (holders[0], holders[1]);
        await _results.ScoresAsync([first], "81");
        var url = $"/Results?BatchId={ResultScenario.Text(await _results.Batch2IdAsync())}&Project={Project}";
        var visitor = portal.CreateBrowserlessClient();

        portal.Clock.SetNow(ResultScenario.PublicationDay);
        var fresh = await visitor.GetAsync(url);
        var cached = await visitor.GetAsync(url);

        Assert.False(fresh.Headers.Contains(HeaderNames.Age));
        Assert.True(cached.Headers.Contains(HeaderNames.Age), "the second anonymous request should be served from the output cache");
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
        Assert.Contains(first.TicketNumber, await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(second.TicketNumber, await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _results.ScoresAsync([second], "缺考");
        portal.Clock.SetNow(ResultScenario.PublicationDay);
        var evicted = await visitor.GetAsync(url);

        Assert.False(evicted.Headers.Contains(HeaderNames.Age), "a saved score should evict the cached page");
        Assert.Contains(second.TicketNumber, await evicted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var candidate = await _results.CandidateClientAsync(first);
        var own = await candidate.GetAsync(url);
        var ownAgain = await candidate.GetAsync(url);
        var anonymous = await visitor.GetAsync(url);

        Assert.False(own.Headers.Contains(HeaderNames.Age));
        Assert.False(ownAgain.Headers.Contains(HeaderNames.Age), "a signed-in view is rendered for its user every time");
        Assert.Contains("action=\"/Account/SignOut\"", await ownAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(anonymous.Headers.Contains(HeaderNames.Age));
        Assert.DoesNotContain("/Account/SignOut", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_of_the_list_are_not_cached()
    {
        var url = $"/Results?BatchId={ResultScenario.Text(await _results.Batch2IdAsync())}&Project={Project}&handler=Xlsx";
        var visitor = portal.CreateBrowserlessClient();
        portal.Clock.SetNow(ResultScenario.PublicationDay);

        var first = await visitor.GetAsync(url);
        var second = await visitor.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains(HeaderNames.Age));
        Assert.False(second.Headers.Contains(HeaderNames.Age));
    }
}
