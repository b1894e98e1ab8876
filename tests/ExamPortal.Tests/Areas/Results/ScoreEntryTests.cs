using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Features.Results;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Results;
using MiniExcelLibs;

namespace ExamPortal.Tests.Areas.Results;

/// <summary>
/// 成绩录入 on the centre's plan page: by hand and from a sheet until the publication date, each change audited; from
/// then on only a correction with a reason. Batch 2's project 02 (商业数据分析) is this class's own.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ScoreEntryTests(PortalFactory portal)
{
    private const string Project = "02";

    private readonly ResultScenario _results = new(portal);

    [Fact]
    public async Task By_hand_one_bad_score_keeps_every_typed_value_and_saves_nothing_then_the_good_ones_are_saved_and_each_change_audited()
    {
        var holders = await _results.TicketHoldersAsync(Project, "手录甲", "手录乙", "手录丙", "手录丁");
        var (t1, t2, t3, t4) = (holders[0].TicketNumber, holders[1].TicketNumber, holders[2].TicketNumber, holders[3].TicketNumber);
        portal.Clock.SetNow(ResultScenario.ScoreEntryAt);
        var exam = await _results.ExamClientAsync();
        var url = $"/Centre/Results/Plan/{ResultScenario.Text(holders[0].PlanId)}";
        var page = await exam.GetDocumentAsync(url);
        Assert.Contains("2026年5月6日", page.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.All(holders, h => Assert.Equal("未录入", Cells(page, h.TicketNumber)[3]));

        var refused = await HtmlForms.ReadAsync(await exam.SubmitAsync(page, "#score-form", new Dictionary<string, string>
        {
            [$"Scores[{t1}]"] = "59.9",
            [$"Scores[{t2}]"] = "60",
            [$"Scores[{t3}]"] = "缺考",
            [$"Scores[{t4}]"] = "100.5",
        }));

        var errors = refused.QuerySelector(".errors")!.TextContent;
        Assert.Contains($"准考证号{t4}：成绩100.5超出0—100的范围，请核对", errors, StringComparison.Ordinal);
        Assert.Equal(["59.9", "60", "缺考", "100.5"], holders.Select(h => Typed(refused, h.TicketNumber)));
        foreach (var holder in holders)
        {
            Assert.Null(await _results.ScoreAsync(holder.TicketId));
            Assert.Empty(await _results.AuditAsync(AuditTrail.ScoreRecorded, holder.TicketNumber));
        }

        var saved = await exam.SubmitAsync(refused, "#score-form", new Dictionary<string, string> { [$"Scores[{t4}]"] = "85" });

        Assert.Equal(url, await saved.RedirectedToAsync());
        var after = await exam.GetDocumentAsync(url);
        Assert.Contains("已保存4人的成绩", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["不合格", "合格", "缺考", "合格"], holders.Select(h => Cells(after, h.TicketNumber)[3]));
        Assert.Equal(["59.9", "60", "缺考", "85"], holders.Select(h => Typed(after, h.TicketNumber)));
        var scores = new List<ExamScore>();
        foreach (var holder in holders)
        {
            scores.Add((await _results.ScoreAsync(holder.TicketId))!);
        }

        Assert.Equal([59.9m, 60m, null, 85m], scores.Select(s => s.Points));
        Assert.Equal([ExamOutcome.Failed, ExamOutcome.Passed, ExamOutcome.Absent, ExamOutcome.Passed], scores.Select(s => s.Outcome));
        var examOfficer = await _results.ExamOfficerIdAsync();
        Assert.All(scores, s => Assert.Equal(examOfficer, s.RecordedByUserId));
        var first = Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, t1));
        Assert.Equal((examOfficer, nameof(Role.CentreExam)), (first.ActorUserId, first.ActorRole));
        Assert.Equal("手工录入：（无） → 59.9（不合格）", first.Details);
        Assert.Equal("手工录入：（无） → 缺考（缺考）", Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, t3)).Details);

        // One score changed: one more entry for it, none for the scores sent again unchanged.
        var changed = await exam.SubmitAsync(after, "#score-form", new Dictionary<string, string> { [$"Scores[{t1}]"] = "61" });

        Assert.Equal(url, await changed.RedirectedToAsync());
        Assert.Contains("已保存1人的成绩", (await exam.GetDocumentAsync(url)).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var trail = await _results.AuditAsync(AuditTrail.ScoreRecorded, t1);
        Assert.Equal(2, trail.Count);
        Assert.Equal("手工录入：59.9 → 61（合格）", trail[1].Details);
        Assert.Equal(ExamOutcome.Passed, (await _results.ScoreAsync(holders[0].TicketId))!.Outcome);
        foreach (var holder in holders.Skip(1))
        {
            Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, holder.TicketNumber));
        }
    }

    [Fact]
    public async Task An_imported_sheet_records_its_valid_rows_lists_every_problem_row_and_the_missing_and_records_nothing_when_imported_again()
    {
        var holders = await _results.TicketHoldersAsync(Project, "导入甲", "导入乙", "导入丙", "导入丁", "导入戊");
        var (a, b, c, d, e) = (holders[0], holders[1], holders[2], holders[3], holders[4]);
        const string unknownTicket = "202602029999";
        var sheet = ScoreSheets.Build(
            ScoreSheets.Header,
            [a.TicketNumber, a.FullName, 75],
            [b.TicketNumber, b.FullName, "缺考"],
            [unknownTicket, "查无此人", 90],
            [c.TicketNumber, "张冠李戴", 80],
            [d.TicketNumber, d.FullName, 70],
            [d.TicketNumber, d.FullName, 71]);
        portal.Clock.SetNow(ResultScenario.ScoreEntryAt);
        var exam = await _results.ExamClientAsync();
        var url = $"/Centre/Results/Plan/{ResultScenario.Text(a.PlanId)}";
        var page = await exam.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector("#score-import input[type='file'][name='sheet']"));

        // 只检查: the report as a workbook, nothing recorded.
        var check = await exam.PostWithTokenAsync(page, url + "?handler=Report", new Dictionary<string, string>(), ("sheet", sheet, "成绩.xlsx", ResultScenario.XlsxType));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(ResultScenario.XlsxType, check.Content.Headers.ContentType!.MediaType);
        using (var report = new MemoryStream(await check.Content.ReadAsByteArrayAsync()))
        {
            var problemRows = report.Query(useHeaderRow: true, sheetName: ScoreReportWorkbook.ProblemsSheetName).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["4", "5", "6", "7"], problemRows.Select(r => Convert.ToString(r[ScoreReportWorkbook.RowNumberHeader], System.Globalization.CultureInfo.InvariantCulture)));
            report.Position = 0;
            var missingRows = report.Query(useHeaderRow: true, sheetName: ScoreReportWorkbook.MissingSheetName).Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(missingRows, r => (string?)r["准考证号"] == e.TicketNumber && (string?)r["姓名"] == e.FullName);
        }

        Assert.Null(await _results.ScoreAsync(a.TicketId));

        var imported = await HtmlForms.ReadAsync(await exam.PostWithTokenAsync(page, url + "?handler=Import", new Dictionary<string, string>(),
            ("sheet", sheet, "成绩.xlsx", ResultScenario.XlsxType)));

        Assert.Equal("已保存2人的成绩", imported.QuerySelector("#import-outcome")!.TextContent.Trim());
        Assert.Contains("可录入2名考生的成绩；4行有问题，未录入", imported.QuerySelector("#import-report")!.TextContent, StringComparison.Ordinal);
        var problems = imported.QuerySelectorAll("#import-problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Equal(["4", unknownTicket, "查无此人", ScoreSheetCheck.UnknownTicketMessage], problems[0]);
        Assert.Equal(["5", c.TicketNumber, "张冠李戴", $"姓名与准考证不符（准考证上为{c.FullName}）：请核对该行的准考证号和姓名"], problems[1]);
        Assert.Equal(["6", d.TicketNumber, d.FullName], problems[2][..3]);
        Assert.StartsWith("与第7行的准考证号相同", problems[2][3], StringComparison.Ordinal);
        Assert.Equal(["7", d.TicketNumber, d.FullName], problems[3][..3]);
        Assert.StartsWith("与第6行的准考证号相同", problems[3][3], StringComparison.Ordinal);
        var missing = imported.QuerySelector("#import-missing")!.TextContent;
        Assert.Contains($"{e.FullName}（{e.TicketNumber}）", missing, StringComparison.Ordinal);
        Assert.DoesNotContain(a.TicketNumber, missing, StringComparison.Ordinal);
        Assert.Equal(("75", "合格"), (Typed(imported, a.TicketNumber), Cells(imported, a.TicketNumber)[3]));
        Assert.Equal("缺考", Cells(imported, b.TicketNumber)[3]);

        Assert.Equal((75m, ExamOutcome.Passed), Score(await _results.ScoreAsync(a.TicketId)));
        Assert.Equal(((decimal?)null, ExamOutcome.Absent), Score(await _results.ScoreAsync(b.TicketId)));
        foreach (var untouched in new[] { c, d, e })
        {
            Assert.Null(await _results.ScoreAsync(untouched.TicketId));
        }

        Assert.Equal("导入成绩.xlsx：（无） → 75（合格）", Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, a.TicketNumber)).Details);

        // The same file again: the recorded rows are unchanged, so nothing new is recorded or audited.
        var again = await HtmlForms.ReadAsync(await exam.PostWithTokenAsync(imported, url + "?handler=Import", new Dictionary<string, string>(),
            ("sheet", sheet, "成绩.xlsx", ResultScenario.XlsxType)));

        Assert.Equal("成绩与已录入的相同，没有需要保存的修改", again.QuerySelector("#import-outcome")!.TextContent.Trim());
        Assert.Equal(4, again.QuerySelectorAll("#import-problems tbody tr").Length);
        Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, a.TicketNumber));
        Assert.Single(await _results.AuditAsync(AuditTrail.ScoreRecorded, b.TicketNumber));
        Assert.Equal((75m, ExamOutcome.Passed), Score(await _results.ScoreAsync(a.TicketId)));
    }

    [Fact]
    public async Task The_plans_template_lists_its_tickets_and_names_and_comes_back_filled_in_as_scores()
    {
        var holders = await _results.TicketHoldersAsync(Project, "模板甲", "模板乙");
        portal.Clock.SetNow(ResultScenario.ScoreEntryAt);
        var exam = await _results.ExamClientAsync();
        var url = $"/Centre/Results/Plan/{ResultScenario.Text(holders[0].PlanId)}";
        var page = await exam.GetDocumentAsync(url);
        var link = page.QuerySelector<IHtmlAnchorElement>("#score-template")!;

        var download = await exam.GetAsync(link.Href);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ResultScenario.XlsxType, download.Content.Headers.ContentType!.MediaType);
        var template = await download.Content.ReadAsByteArrayAsync();
        var read = ScoreSheets.Read(template);
        Assert.False(read.IsRefused, read.Refusal);
        foreach (var holder in holders)
        {
            var row = Assert.Single(read.Rows, r => r.TicketNumber == holder.TicketNumber);
            Assert.Equal(holder.FullName, row.FullName);
            Assert.Null(row.Value);
        }

        // Filled in as a centre would: the template's own rows (ours; other tests' candidates left out, as the
        // instructions allow), each with a score.
        using var stream = new MemoryStream(template);
        var rows = stream.Query(useHeaderRow: true, sheetName: ScoreTemplate.SheetName).Cast<IDictionary<string, object?>>()
            .Where(r => holders.Any(h => h.TicketNumber == (string?)r["准考证号"])).ToList();
        Assert.Equal(2, rows.Count);
        var filled = ScoreSheets.Build([ScoreSheets.Header, .. rows.Select(r => new object?[] { r["准考证号"], r["姓名"], r["准考证号"] as string == holders[0].TicketNumber ? 92.5 : "缺考" })]);

        var imported = await HtmlForms.ReadAsync(await exam.PostWithTokenAsync(page, url + "?handler=Import", new Dictionary<string, string>(),
            ("sheet", filled, "成绩表.xlsx", ResultScenario.XlsxType)));

        Assert.Equal("已保存2人的成绩", imported.QuerySelector("#import-outcome")!.TextContent.Trim());
        Assert.Null(imported.QuerySelector("#import-problems"));
        Assert.Equal((92.5m, ExamOutcome.Passed), Score(await _results.ScoreAsync(holders[0].TicketId)));
        Assert.Equal(((decimal?)null, ExamOutcome.Absent), Score(await _results.ScoreAsync(holders[1].TicketId)));
    }

    [Fact]
    public async Task From_the_publication_date_scores_are_frozen_and_change_only_by_a_correction_with_a_reason()
    {
        var holders = await _results.TicketHoldersAsync(Project, "更正甲", "更正乙");
        var (h1, h2) = (holders[0], holders[1]);
        await _results.ScoresAsync(holders, "58", "70");
        portal.Clock.SetNow(ResultScenario.PublicationDay);
        var exam = await _results.ExamClientAsync();
        var url = $"/Centre/Results/Plan/{ResultScenario.Text(h1.PlanId)}";

        var page = await exam.GetDocumentAsync(url);

        Assert.Null(page.QuerySelector("#score-form"));
        Assert.Null(page.QuerySelector("#score-import"));
        Assert.Contains("已公示", page.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["58", "不合格"], Cells(page, h1.TicketNumber)[2..4]);
        Assert.NotNull(CorrectionForm(page, h1));

        // A stale tab's save, or a hand-made one, is refused with the reason.
        var save = await HtmlForms.ReadAsync(await exam.PostWithTokenAsync(page, url + "?handler=Save", new Dictionary<string, string> { [$"Scores[{h1.TicketNumber}]"] = "90" }));
        Assert.Contains("成绩已于2026年5月6日公示，不能直接修改", save.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((58m, ExamOutcome.Failed), Score(await _results.ScoreAsync(h1.TicketId)));

        var noReason = await HtmlForms.ReadAsync(await exam.SubmitAsync(page, CorrectionForm(page, h1), new Dictionary<string, string>
        {
            ["Correction"] = "61",
            ["CorrectionReason"] = " ",
        }));

        Assert.Contains("请填写成绩更正的原因", noReason.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("61", CorrectionForm(noReason, h1).QuerySelector<IHtmlInputElement>("input[name='Correction']")!.Value);
        var unchanged = (await _results.ScoreAsync(h1.TicketId))!;
        Assert.Equal((58m, ExamOutcome.Failed, (string?)null), (unchanged.Points, unchanged.Outcome, unchanged.CorrectionReason));
        Assert.Empty(await _results.AuditAsync(AuditTrail.ScoreCorrected, h1.TicketNumber));

        const string reason = "复核发现实操第3题漏计3分";
        var corrected = await exam.SubmitAsync(noReason, CorrectionForm(noReason, h1), new Dictionary<string, string>
        {
            ["Correction"] = "61",
            ["CorrectionReason"] = reason,
        });

        Assert.Equal(url, await corrected.RedirectedToAsync());
        var score = (await _results.ScoreAsync(h1.TicketId))!;
        Assert.Equal((61m, ExamOutcome.Passed, reason), (score.Points, score.Outcome, score.CorrectionReason));
        Assert.NotNull(score.CorrectedAt);
        var audit = Assert.Single(await _results.AuditAsync(AuditTrail.ScoreCorrected, h1.TicketNumber));
        Assert.Equal($"成绩更正：58 → 61（合格）；原因：{reason}", audit.Details);
        Assert.Equal(await _results.ExamOfficerIdAsync(), audit.ActorUserId);
        var after = await exam.GetDocumentAsync(url);
        Assert.Equal(["61", $"合格（已更正：{reason}）"], Cells(after, h1.TicketNumber)[2..4]);
        Assert.Equal((70m, ExamOutcome.Passed), Score(await _results.ScoreAsync(h2.TicketId)));

        var candidate = await _results.CandidateClientAsync(h1);
        var own = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{h1.RegistrationId}");
        Assert.Equal(("61", "合格"), (own.QuerySelector("#own-score")!.TextContent.Trim(), own.QuerySelector("#own-outcome")!.TextContent.Trim()));
        Assert.Contains(reason, own.QuerySelector("#result")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    public async Task Reviewers_and_finance_may_neither_see_nor_enter_scores(Role role)
    {
        var holder = await _results.TicketHolderAsync(Project, role == Role.CentreReviewer ? "审核勿录" : "财务勿录");
        portal.Clock.SetNow(ResultScenario.ScoreEntryAt);
        var batchId = ResultScenario.Text(await _results.Batch2IdAsync());
        var plan = $"/Centre/Results/Plan/{ResultScenario.Text(holder.PlanId)}";
        var client = await portal.AsAsync(role);

        foreach (var url in new[]
                 {
                     $"/Centre/Results?BatchId={batchId}", plan, plan + "?handler=Template", "/Centre/Results/Objections",
                     $"/Centre/Certificates?BatchId={batchId}", $"/Centre/Certificates?handler=Export&BatchId={batchId}",
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        var home = await client.GetDocumentAsync("/Centre");
        var save = await client.PostWithTokenAsync(home, plan + "?handler=Save", new Dictionary<string, string> { [$"Scores[{holder.TicketNumber}]"] = "99" });
        var import = await client.PostWithTokenAsync(home, plan + "?handler=Import", new Dictionary<string, string>(),
            ("sheet", ScoreSheets.Build(ScoreSheets.Header, [holder.TicketNumber, holder.FullName, 99]), "成绩.xlsx", ResultScenario.XlsxType));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (save.StatusCode, import.StatusCode));
        Assert.Null(await _results.ScoreAsync(holder.TicketId));
    }

    private static (decimal? Points, ExamOutcome Outcome) Score(ExamScore? score) =>
        score is null ? throw new Xunit.Sdk.XunitException("No score recorded") : (score.Points, score.Outcome);

    /// <summary>The row's cells: 准考证号, 姓名, 成绩 (its text, or the input's value before publication), 结果.</summary>
    private static string[] Cells(IDocument page, string ticketNumber) =>
        [.. page.QuerySelectorAll($"#scores tr[data-ticket='{ticketNumber}'] td").Take(4).Select(td => td.TextContent.Trim())];

    private static string Typed(IDocument page, string ticketNumber) =>
        page.QuerySelector<IHtmlInputElement>($"#scores input[name='Scores[{ticketNumber}]']")!.Value;

    private static IHtmlFormElement CorrectionForm(IDocument page, TicketHolder holder) =>
        page.QuerySelectorAll<IHtmlFormElement>($"#scores tr[data-ticket='{holder.TicketNumber}'] form")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name='TicketId']")?.Value == holder.TicketId.ToString());
}
