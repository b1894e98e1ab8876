using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>A portal of its own whose public lookups allow 3 per client an hour, so the limit is reached in a few requests.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    public const int PermitLimit = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("RateLimits:PublicLookup:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:PublicLookup:WindowSeconds", "3600");
    }
}

/// <summary>
/// 准考证下载 answers ID number + name pairs, so guessing is slowed per client: past the limit the page says to try
/// later (429) without looking anything up, and keeps what was typed. Not in the shared collection: its own portal.
/// </summary>
public sealed class PublicLookupRateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Past_the_limit_even_the_right_pair_gets_429_with_what_was_typed_kept_until_the_next_window()
    {
        const string Name = "钱小八";
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Name);
        await _scenario.PaymentConfirmedAsync(userId, "13");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 10, 0, 5, ChinaTime.Offset));
        var anonymous = portal.CreateBrowserlessClient();

        for (var i = 0; i < RateLimitedPortalFactory.PermitLimit; i++)
        {
            var guess = await PublicTicketTests.LookUpAsync(anonymous, idNumber, $"钱小{i}");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
            Assert.Equal(Web.Pages.Tickets.DownloadModel.NothingMatched, (await HtmlForms.ReadAsync(guess)).QuerySelector("#lookup-outcome")!.TextContent.Trim());
        }

        var limited = await PublicTicketTests.LookUpAsync(anonymous, idNumber, Name);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        var page = await HtmlForms.ReadAsync(limited);
        Assert.Contains("查询过于频繁", page.QuerySelector("#lookup-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(idNumber, PublicTicketTests.Value(page, "Input.IdNumber"));
        Assert.Equal(Name, PublicTicketTests.Value(page, "Input.FullName"));

        // The next window lets the same client in again.
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 11, 0, 5, ChinaTime.Offset));
        var later = await PublicTicketTests.LookUpAsync(anonymous, idNumber, Name);
        Assert.Contains(Name, Assert.Single(TicketPdfs.PageTexts(await TicketPdfs.ReadAsync(later))), StringComparison.Ordinal);
    }
}
