using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Areas.Tickets;
using ExamPortal.Tests.Support;

namespace ExamPortal.Tests.Security;

/// <summary>
/// Per-address limits (ASP.NET Core rate limiting): past the limit the answer is 429 with the Chinese page saying when
/// to try again, nothing is looked up, and other addresses are served as before.
/// </summary>
[Collection(SecurityPortal.Name)]
public sealed class RateLimitTests(SecurityPortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3600", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await HtmlForms.ReadAsync(response);
        Assert.Equal("请求过于频繁", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("请于60分钟后", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_ticket_download_limit_even_the_right_pair_gets_429_while_another_address_downloads_it()
    {
        const string Name = "钱小八";
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Name);
        await _scenario.PaymentConfirmedAsync(userId, "13");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 10, 0, 5, ChinaTime.Offset));
        var guesser = portal.ClientFrom();

        for (var i = 0; i < SecurityPortalFactory.SmallLimit; i++)
        {
            var guess = await PublicTicketTests.LookUpAsync(guesser, idNumber, $"钱小{i}");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
            Assert.Equal(Web.Pages.Tickets.DownloadModel.NothingMatched, (await HtmlForms.ReadAsync(guess)).QuerySelector("#lookup-outcome")!.TextContent.Trim());
        }

        var limited = await PublicTicketTests.LookUpAsync(guesser, idNumber, Name);

        await AssertLimitedAsync(limited);
        var elsewhere = await PublicTicketTests.LookUpAsync(portal.ClientFrom(), idNumber, Name);
        Assert.Contains(Name, Assert.Single(TicketPdfs.PageTexts(await TicketPdfs.ReadAsync(elsewhere))), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string?, string[]> PostedLookups => new()
    {
        { "/Certificates/Query", "#certificate-query", null, ["Number", "SC-NOPE-0001"] },
        { "/Account/Recover", "#recover-form", "#send-code", ["FullName", "张三", "IdNumber", "510105199001011234", "Mobile", "13900000000"] },
        { "/Account/SignUp", "form.card", null, ["Input.FullName", "李四", "Input.IdNumber", "1", "Input.Mobile", "1", "Input.Password", "x", "Input.ConfirmPassword", "x"] },
    };

    [Theory]
    [MemberData(nameof(PostedLookups))]
    public async Task Certificate_query_password_recovery_and_sign_up_answer_429_past_the_limit_per_address_and_the_form_itself_stays_open(
        string path, string form, string? button, string[] fields)
    {
        var values = Enumerable.Range(0, fields.Length / 2).ToDictionary(i => fields[2 * i], i => fields[(2 * i) + 1]);
        var client = portal.ClientFrom();
        Task<HttpResponseMessage> PostAsync(HttpClient from, IDocument page) =>
            button is null ? from.SubmitAsync(page, form, values) : from.SubmitAsync(page, form, values, button);

        for (var i = 0; i < SecurityPortalFactory.SmallLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, await client.GetDocumentAsync(path))).StatusCode);
        }

        // Opening the form is not counted: only what it sends is.
        var page = await client.GetDocumentAsync(path);
        await AssertLimitedAsync(await PostAsync(client, page));
        var other = portal.ClientFrom();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(other, await other.GetDocumentAsync(path))).StatusCode);
    }

    [Fact]
    public async Task The_public_results_list_answers_429_past_the_limit_per_address()
    {
        var client = portal.ClientFrom();
        for (var i = 0; i < SecurityPortalFactory.SmallLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Results")).StatusCode);
        }

        await AssertLimitedAsync(await client.GetAsync("/Results"));
        Assert.Equal(HttpStatusCode.OK, (await portal.ClientFrom().GetAsync("/Results")).StatusCode);
    }

    [Fact]
    public async Task Thirty_pupils_behind_one_school_address_all_sign_in_and_only_the_hundred_and_first_attempt_is_refused()
    {
        var school = portal.ClientFrom(out var address);
        var pupils = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            pupils.Add((await _scenario.CandidateAsync()).Mobile);
        }

        foreach (var mobile in pupils)
        {
            var pupil = portal.CreateBrowserlessClient();
            pupil.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            Assert.Equal("/Candidate", await (await SignInAsync(pupil, mobile, Scenario.Password)).RedirectedToAsync());
        }

        for (var attempt = pupils.Count; attempt < SecurityPortalFactory.SignInLimit; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(school, $"139{attempt:00000000}", "Wrong#Pass1")).StatusCode);
        }

        await AssertLimitedAsync(await SignInAsync(school, pupils[0], Scenario.Password));
        Assert.Equal("/Candidate", await (await SignInAsync(portal.ClientFrom(), pupils[0], Scenario.Password)).RedirectedToAsync());
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string login, string password, string path = "/Account/SignIn")
    {
        var page = await client.GetDocumentAsync(path);
        return await client.SubmitAsync(page, "form.card", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
    }
}
