using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Pages.Tickets;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>
/// 准考证下载 for anyone with the ID number and name, and the verification page its QR code leads to. The public
/// lookup is rate-limited per client in windows of the portal's clock, so each test here looks up at its own hour.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PublicTicketTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Anyone_downloads_a_ticket_with_id_number_and_name_and_its_qr_code_verifies_it_showing_no_id_number()
    {
        const string Name = "张小三";
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Name);
        var id = await _scenario.PaymentConfirmedAsync(userId, "13");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var ticket = await _scenario.TicketAsync(id);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 11, 0, 0, ChinaTime.Offset));
        var anonymous = portal.CreateBrowserlessClient();

        var response = await LookUpAsync(anonymous, idNumber, Name);

        var pdf = await TicketPdfs.ReadAsync(response);
        DocumentArtifacts.Save(pdf, "public-download-ticket.pdf");
        var text = Assert.Single(TicketPdfs.PageTexts(pdf));
        Assert.Contains(Name, text, StringComparison.Ordinal);
        Assert.Contains("在线学习指导", text, StringComparison.Ordinal);
        Assert.Contains(ticket.Number, Assert.Single(TicketPdfs.PageWords(pdf)));
        Assert.DoesNotContain(idNumber, text, StringComparison.Ordinal);
        Assert.Contains(IdentityNumber.Mask(idNumber), text, StringComparison.Ordinal);

        var url = TicketPdfs.QrText(pdf);
        var verifyRoot = new Uri(portal.BaseAddress, "/Tickets/Verify/").ToString();
        Assert.StartsWith(verifyRoot, url, StringComparison.Ordinal);
        var token = url[verifyRoot.Length..];
        Assert.StartsWith(ticket.Number + "-", token, StringComparison.Ordinal);

        var verified = await anonymous.GetAsync(url);

        Assert.True(verified.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)verified.StatusCode}");
        var page = await HtmlForms.ReadAsync(verified);
        Assert.StartsWith("准考证有效", page.QuerySelector("#verify-result")!.TextContent.Trim(), StringComparison.Ordinal);
        var facts = page.QuerySelector("#verify-facts")!.TextContent;
        Assert.Contains("张*三", facts, StringComparison.Ordinal);
        Assert.Contains(ticket.Number, facts, StringComparison.Ordinal);
        Assert.Contains("在线学习指导", facts, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityNumber.Mask(idNumber), page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[..6], page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[6..14], page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9Xx]\\*|\\*[0-9Xx]", facts.Replace(ticket.Number, string.Empty, StringComparison.Ordinal));

        // One character of the signature changed, or the number changed under the same signature: not this portal's.
        var cut = ticket.Number.Length; // the signature follows the number and a '-' (and may itself contain '-')
        var tag = token[(cut + 1)..];
        var otherTag = token[..(cut + 1)] + (tag[0] == 'A' ? 'B' : 'A') + tag[1..];
        var otherNumber = TicketNumber.Format(2026, 2, "13", ticket.Sequence == 1 ? 2 : 1) + token[cut..];
        foreach (var forged in new[] { otherTag, otherNumber, ticket.Number, "not-a-token" })
        {
            var answer = await anonymous.GetAsync(verifyRoot + forged);
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{forged} answered {(int)answer.StatusCode}");
            var refused = await HtmlForms.ReadAsync(answer);
            Assert.StartsWith("无法核验", refused.QuerySelector("#verify-result")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Null(refused.QuerySelector("#verify-facts"));
            Assert.DoesNotContain("张*三", refused.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_name_a_wrong_id_number_and_a_person_without_a_ticket_all_get_the_same_answer()
    {
        const string Name = "李小四";
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Name);
        await _scenario.PaymentConfirmedAsync(userId, "13");
        var (_, _, withoutTicket) = await _scenario.CandidateNamedAsync("王小五");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 12, 0, 0, ChinaTime.Offset));
        var anonymous = portal.CreateBrowserlessClient();

        var outcomes = new List<string>();
        foreach (var (typedId, typedName) in new[] { (idNumber, "李小武"), (withoutTicket, Name), (withoutTicket, "王小五") })
        {
            var response = await LookUpAsync(anonymous, typedId, typedName);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await HtmlForms.ReadAsync(response);
            outcomes.Add(page.QuerySelector("#lookup-outcome")!.TextContent.Trim());
            Assert.Equal(typedId, Value(page, "Input.IdNumber"));
            Assert.Equal(typedName, Value(page, "Input.FullName"));
        }

        Assert.All(outcomes, o => Assert.Equal(DownloadModel.NothingMatched, o));

        // The right pair, typed as people do (lower-case x, spaces around the name), still finds it.
        var right = await LookUpAsync(anonymous, idNumber.ToLowerInvariant(), $" {Name} ");
        Assert.Contains(Name, Assert.Single(TicketPdfs.PageTexts(await TicketPdfs.ReadAsync(right))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_printing_window_the_page_names_its_dates_and_gives_no_pdf()
    {
        const string Name = "赵小六";
        var (userId, _, idNumber) = await _scenario.CandidateNamedAsync(Name);
        await _scenario.PaymentConfirmedAsync(userId, "13");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var anonymous = portal.CreateBrowserlessClient();

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 15, 13, 0, 0, ChinaTime.Offset));
        var early = await LookUpAsync(anonymous, idNumber, Name);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 26, 13, 0, 0, ChinaTime.Offset));
        var late = await LookUpAsync(anonymous, idNumber, Name);

        Assert.Equal("本批次打印准考证时间为2026年4月20日至2026年4月24日，尚未开始，请到时再来下载打印", await OutcomeAsync(early));
        Assert.Equal("本批次打印准考证时间为2026年4月20日至2026年4月24日，现已结束", await OutcomeAsync(late));
    }

    [Fact]
    public async Task The_download_page_is_reached_from_the_main_navigation_and_asks_for_both_fields()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 21, 13, 0, 0, ChinaTime.Offset));
        var anonymous = portal.CreateBrowserlessClient();
        var home = await anonymous.GetDocumentAsync("/");
        var link = home.QuerySelectorAll<IHtmlAnchorElement>("nav.main-nav a").Single(a => a.TextContent.Trim() == "准考证下载");

        var page = await anonymous.GetDocumentAsync(link.GetAttribute("href")!);
        var blank = await HtmlForms.ReadAsync(await anonymous.SubmitAsync(page, "#ticket-lookup", new Dictionary<string, string>()));

        Assert.Null(blank.QuerySelector("#lookup-outcome"));
        var errors = blank.Body!.TextContent;
        Assert.Contains("请填写报名时使用的证件号码（身份证号）", errors, StringComparison.Ordinal);
        Assert.Contains("请填写姓名", errors, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> LookUpAsync(HttpClient client, string idNumber, string fullName)
    {
        var page = await client.GetDocumentAsync("/Tickets/Download");
        return await client.SubmitAsync(page, "#ticket-lookup", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = fullName,
        });
    }

    internal static string? Value(IDocument page, string name) => page.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (await HtmlForms.ReadAsync(response)).QuerySelector("#lookup-outcome")!.TextContent.Trim();
    }
}
