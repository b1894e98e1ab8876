using System.Net;
using AngleSharp.Dom;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Documents;
using ExamPortal.Web.Features.Results;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace ExamPortal.Tests.Areas.Results;

/// <summary>
/// 成绩公示: nothing before the publication date, then masked names, ticket numbers, scores and results for anyone,
/// and each candidate's own score; a date moved with a reason; objections in the publicity period, answered by
/// the centre. Batch 2's project 04 (大数据清洗) is this class's own.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PublicationTests(PortalFactory portal)
{
    private const string Project = "04";
    private const string ProjectName = "大数据清洗";

    private readonly ResultScenario _results = new(portal);

    [Fact]
    public async Task Results_are_hidden_before_the_publication_date_and_from_it_listed_with_masked_names_and_no_ID_numbers()
    {
        var holders = await _results.TicketHoldersAsync(Project, "欧阳小华", "张小三", "李缺考");
        var (ouyang, zhang, absent) = (holders[0], holders[1], holders[2]);
        await _results.ScoresAsync(holders, "88", "59.5", "缺考");
        var batchId = ResultScenario.Text(await _results.Batch2IdAsync());
        var url = $"/Results?BatchId={batchId}&Project={Project}";
        var visitor = portal.CreateBrowserlessClient();
        var candidate = await _results.CandidateClientAsync(ouyang);
        var ownUrl = $"/Candidate/Registrations/View/{ouyang.RegistrationId}";

        portal.Clock.SetNow(ResultScenario.DayBeforePublication);
        var early = await visitor.GetDocumentAsync(url);
        Assert.Contains("2026年5月6日", early.QuerySelector("#not-published")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(early.QuerySelectorAll("table.results"));
        Assert.DoesNotContain(ouyang.TicketNumber, early.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url + "&handler=Pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url + "&handler=Xlsx")).StatusCode);
        var ownEarly = await candidate.GetDocumentAsync(ownUrl);
        Assert.Null(ownEarly.QuerySelector("#result"));
        Assert.Null(ownEarly.QuerySelector("#own-score"));

        portal.Clock.SetNow(ResultScenario.PublicationDay);
        var page = await visitor.GetDocumentAsync(url);

        Assert.Null(page.QuerySelector("#not-published"));
        Assert.Equal(["欧阳*华", ouyang.TicketNumber, "88", "合格"], Row(page, ouyang.TicketNumber));
        Assert.Equal(["张*三", zhang.TicketNumber, "59.5", "不合格"], Row(page, zhang.TicketNumber));
        Assert.Equal(["李*考", absent.TicketNumber, "缺考", "缺考"], Row(page, absent.TicketNumber));
        var chosen = page.QuerySelectorAll("#result-projects a").Single(a => a.GetAttribute("aria-current") == "page");
        Assert.StartsWith($"{ProjectName}（", chosen.TextContent.Trim(), StringComparison.Ordinal);
        var listed = int.Parse(chosen.TextContent.Trim()[(ProjectName.Length + 1)..^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Min(listed, ResultQueries.PublicPageSize), page.QuerySelectorAll("table.results tbody tr").Length);
        Assert.Equal(listed > ResultQueries.PublicPageSize, page.QuerySelector("nav.pager") is not null);
        var project = page.QuerySelectorAll("h2").Single(h => h.TextContent.Trim() == ProjectName).NextElementSibling!;
        Assert.Contains(ouyang.TicketNumber, project.TextContent, StringComparison.Ordinal);
        var html = page.Body!.InnerHtml;
        foreach (var holder in holders)
        {
            Assert.DoesNotContain(holder.FullName, html, StringComparison.Ordinal);
            AssertNoRunOfTheIdNumber(html, holder.IdNumber);
        }

        var pdf = await visitor.GetAsync(url + "&handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            Assert.Contains(ouyang.TicketNumber, words);
            Assert.Contains(zhang.TicketNumber, words);
            Assert.Contains("欧阳*华", text, StringComparison.Ordinal);
            Assert.Contains("张*三", text, StringComparison.Ordinal);
            Assert.DoesNotContain("欧阳小华", text, StringComparison.Ordinal);
            foreach (var holder in holders)
            {
                AssertNoRunOfTheIdNumber(text, holder.IdNumber);
            }
        }

        var xlsx = await visitor.GetAsync(url + "&handler=Xlsx");
        Assert.Equal(ResultScenario.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: ResultListWorkbook.Sheet).Cast<IDictionary<string, object?>>().ToList();
            var row = Assert.Single(rows, r => (string?)r["准考证号"] == ouyang.TicketNumber);
            Assert.Equal((ProjectName, "欧阳*华", "88", "合格"), ((string?)row["考核项目"], (string?)row["姓名"], (string?)row["成绩"], (string?)row["考核结果"]));
            var other = Assert.Single(rows, r => (string?)r["准考证号"] == zhang.TicketNumber);
            Assert.Equal(("张*三", "59.5", "不合格"), ((string?)other["姓名"], (string?)other["成绩"], (string?)other["考核结果"]));
            Assert.Equal("2026年5月6日至2026年5月11日", (string?)row["公示期"]);
            Assert.DoesNotContain(rows.SelectMany(r => r.Values).OfType<string>(), v => holders.Any(h => v.Contains(h.IdNumber[..6], StringComparison.Ordinal)));
        }

        var own = await candidate.GetDocumentAsync(ownUrl);
        Assert.Equal("88", own.QuerySelector("#own-score")!.TextContent.Trim());
        Assert.Equal("合格", own.QuerySelector("#own-outcome")!.TextContent.Trim());
        Assert.Contains("2026年5月6日", own.QuerySelector("#result")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(own.QuerySelector("#objection-form"));
    }

    [Fact]
    public async Task A_publication_date_moved_later_with_a_reason_keeps_the_results_hidden_until_then_and_a_move_without_a_reason_is_refused()
    {
        var holder = await _results.TicketHolderAsync(Project, "延期公示");
        await _results.ScoresAsync([holder], "77");
        var batchId = ResultScenario.Text(await _results.Batch2IdAsync());
        var exam = await _results.ExamClientAsync();
        var settings = $"/Centre/Results?BatchId={batchId}";
        try
        {
            var page = await exam.GetDocumentAsync(settings);
            Assert.Contains("2026年5月6日", page.QuerySelector("#publication-date")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("2026年6月9日", page.QuerySelector("#collection-from")!.TextContent, StringComparison.Ordinal);

            var refused = await HtmlForms.ReadAsync(await exam.SubmitAsync(page, "#change-dates", new Dictionary<string, string>
            {
                ["PublicationDate"] = "2026-05-08",
                ["PublicityEnd"] = "2026-05-14",
                ["Reason"] = string.Empty,
            }));

            Assert.Contains("请填写调整公示日期的原因", refused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(0, await ChangesAsync());

            const string reason = "阅卷复核延期";
            var moved = await exam.SubmitAsync(refused, "#change-dates", new Dictionary<string, string>
            {
                ["PublicationDate"] = "2026-05-08",
                ["PublicityEnd"] = "2026-05-14",
                ["Reason"] = reason,
            });

            await moved.RedirectedToAsync();
            var after = await exam.GetDocumentAsync(settings);
            Assert.Contains("2026年5月8日", after.QuerySelector("#publication-date")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("2026年5月14日", after.QuerySelector("#publicity")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(reason, after.QuerySelector("#result-dates")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(1, await ChangesAsync());
            Assert.Contains(await _results.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditTrail.ResultDatesChanged).ToListAsync()),
                a => a.Details.Contains("2026-05-06→2026-05-08", StringComparison.Ordinal) && a.Details.Contains(reason, StringComparison.Ordinal));

            var visitor = portal.CreateBrowserlessClient();
            var candidate = await _results.CandidateClientAsync(holder);
            var own = $"/Candidate/Registrations/View/{holder.RegistrationId}";
            portal.Clock.SetNow(ResultScenario.PublicationDay);
            var hidden = await visitor.GetDocumentAsync($"/Results?BatchId={batchId}&Project={Project}");
            Assert.Contains("2026年5月8日", hidden.QuerySelector("#not-published")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(holder.TicketNumber, hidden.Body!.InnerHtml, StringComparison.Ordinal);
            Assert.Null((await candidate.GetDocumentAsync(own)).QuerySelector("#result"));

            portal.Clock.SetNow(ResultScenario.At(5, 8));
            var shown = await visitor.GetDocumentAsync($"/Results?BatchId={batchId}&Project={Project}");
            Assert.Null(shown.QuerySelector("#not-published"));
            Assert.Equal(["延期*示", holder.TicketNumber, "77", "合格"], Row(shown, holder.TicketNumber));
            var period = shown.QuerySelector("#publicity strong")!.TextContent;
            Assert.StartsWith("2026年5月8日", period, StringComparison.Ordinal);
            Assert.Contains("至 2026年5月14日", period, StringComparison.Ordinal);
            Assert.Equal("77", (await candidate.GetDocumentAsync(own)).QuerySelector("#own-score")!.TextContent.Trim());
        }
        finally
        {
            await _results.ForgetResultDatesChangeAsync();
        }
    }

    [Fact]
    public async Task A_candidate_objects_once_at_a_time_in_the_publicity_period_and_the_centres_answer_reaches_them()
    {
        var holder = await _results.TicketHolderAsync(Project, "异议人");
        await _results.ScoresAsync([holder], "58");
        var candidate = await _results.CandidateClientAsync(holder);
        var own = $"/Candidate/Registrations/View/{holder.RegistrationId}";
        var objectionUrl = $"{own}?handler=Objection";
        portal.Clock.SetNow(ResultScenario.InPublicity);
        var page = await candidate.GetDocumentAsync(own);
        Assert.Equal("58", page.QuerySelector("#own-score")!.TextContent.Trim());
        const string text = "实操第2题的评分与评分标准不符，申请复核。";

        var raised = await candidate.SubmitAsync(page, "#objection-form", new Dictionary<string, string> { ["ObjectionText"] = text });

        await raised.RedirectedToAsync();
        var objection = Assert.Single(await _results.ObjectionsAsync(holder.RegistrationId));
        Assert.Equal((text, (string?)null), (objection.Text, objection.Answer));
        Assert.Contains(await _results.Scenario.MessagesAsync(holder.UserId!), m => m.Title == "成绩异议已提交");
        var waiting = await candidate.GetDocumentAsync(own);
        Assert.Null(waiting.QuerySelector("#objection-form"));
        Assert.Contains("等待省职鉴中心答复", waiting.QuerySelector($"[data-objection='{objection.Id}']")!.TextContent, StringComparison.Ordinal);

        // A second one while the first is open: refused, even from a stale tab.
        var second = await HtmlForms.ReadAsync(await candidate.PostWithTokenAsync(waiting, objectionUrl, new Dictionary<string, string> { ["ObjectionText"] = "再提一次" }));
        Assert.Contains("您已提出的异议尚未答复", second.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await _results.ObjectionsAsync(holder.RegistrationId));

        var exam = await _results.ExamClientAsync();
        var queue = await exam.GetDocumentAsync("/Centre/Results/Objections");
        var card = queue.QuerySelector($"[data-objection='{objection.Id}']")!;
        Assert.Contains(text, card.TextContent, StringComparison.Ordinal);
        Assert.Contains(holder.TicketNumber, card.TextContent, StringComparison.Ordinal);
        const string answer = "经复核，第2题评分符合评分标准，成绩维持58分。";

        var answered = await exam.SubmitAsync(queue, (AngleSharp.Html.Dom.IHtmlFormElement)card.QuerySelector("form.answer-form")!, new Dictionary<string, string> { ["Answer"] = answer });

        await answered.RedirectedToAsync();
        var done = Assert.Single(await _results.ObjectionsAsync(holder.RegistrationId));
        Assert.Equal(answer, done.Answer);
        Assert.Equal(await _results.ExamOfficerIdAsync(), done.AnsweredByUserId);
        var message = Assert.Single(await _results.Scenario.MessagesAsync(holder.UserId!), m => m.Title == "成绩异议已答复");
        Assert.Contains(answer, message.Body, StringComparison.Ordinal);
        Assert.Null((await exam.GetDocumentAsync("/Centre/Results/Objections")).QuerySelector($"[data-objection='{objection.Id}']"));
        Assert.Contains(answer, (await candidate.GetDocumentAsync(own)).QuerySelector($"[data-objection='{objection.Id}']")!.TextContent, StringComparison.Ordinal);

        // After the publicity period: no form, and a hand-made objection is refused with the period's dates.
        portal.Clock.SetNow(ResultScenario.CertificatesDay);
        var late = await candidate.GetDocumentAsync(own);
        Assert.NotNull(late.QuerySelector("#result"));
        Assert.Null(late.QuerySelector("#objection-form"));
        var refused = await HtmlForms.ReadAsync(await candidate.PostWithTokenAsync(late, objectionUrl, new Dictionary<string, string> { ["ObjectionText"] = "公示期后的异议" }));
        Assert.Contains("异议须在公示期（2026年5月6日至2026年5月11日）内提出", refused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await _results.ObjectionsAsync(holder.RegistrationId));
    }

    private async Task<int> ChangesAsync()
    {
        var batchId = await _results.Batch2IdAsync();
        return await _results.QueryAsync(db => db.ResultPublications.CountAsync(p => p.BatchId == batchId));
    }

    /// <summary>The public list's row of a ticket: 姓名, 准考证号, 成绩, 考核结果 (序号 left out).</summary>
    private static string[] Row(IDocument page, string ticketNumber) =>
        [.. page.QuerySelectorAll("table.results tbody tr").Single(r => r.QuerySelectorAll("td")[2].TextContent.Trim() == ticketNumber)
            .QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim())];

    /// <summary>No six consecutive characters of the ID number appear anywhere in the text.</summary>
    private static void AssertNoRunOfTheIdNumber(string text, string idNumber)
    {
        for (var i = 0; i + 6 <= idNumber.Length; i++)
        {
            var run = idNumber.Substring(i, 6);
            Assert.False(text.Contains(run, StringComparison.Ordinal), $"“{run}” of the ID number {idNumber} appears");
        }
    }
}
