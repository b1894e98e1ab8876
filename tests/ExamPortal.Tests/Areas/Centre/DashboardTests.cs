using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>
/// 批次概况 against a population built through real transitions. Batch 7 of 2026 (registration 8/10–8/17, payment
/// 8/31–9/2, exam 9/19) is this class's own; numbers are compared as the change from before the population, and every
/// number's link must lead to a list of exactly that many rows.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class DashboardTests(PortalFactory portal)
{
    private const int BatchNumber = 7;
    private static readonly DateTimeOffset Registering = At(8, 12);
    private static readonly DateTimeOffset Paying = At(8, 31);
    private static readonly DateTimeOffset TicketsIssued = At(9, 8);

    private readonly Scenario _scenario = new(portal);
    private readonly ResultScenario _results = new(portal);

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, ChinaTime.Offset);

    [Fact]
    public async Task Every_count_equals_the_population_built_through_real_transitions_and_its_link_lists_exactly_those_rows()
    {
        var batchId = await _scenario.BatchIdAsync(BatchNumber);
        var url = $"/Centre/Batches/Dashboard/{batchId}";
        portal.Clock.SetNow(At(11, 20));
        var before = Numbers(await (await portal.AsAsync(Role.CentreAdmin)).GetDocumentAsync(url));

        await PopulateAsync(batchId);

        // Signed in again: the clock went back and forth, and a sign-in lasts only so long.
        portal.Clock.SetNow(At(11, 20));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var finance = await portal.AsAsync(Role.CentreFinance);
        var page = await admin.GetDocumentAsync(url);
        var after = Numbers(page);
        var expected = new Dictionary<string, int>
        {
            ["state-Draft"] = 1, ["state-Submitted"] = 2, ["state-Returned"] = 1, ["state-Approved"] = 1, ["state-Rejected"] = 1,
            ["state-PaymentSubmitted"] = 1, ["state-PaymentConfirmed"] = 1, ["state-Abandoned"] = 0, ["state-TicketIssued"] = 4,
            ["outcome-Passed"] = 2, ["outcome-Failed"] = 1, ["outcome-Absent"] = 1, ["certificates"] = 2,
            ["payments-waiting"] = 1, ["objections-open"] = 1, ["reviews-near"] = 0, ["reviews-overdue"] = 0,
        };
        Assert.All(expected, e => Assert.True(after[e.Key] - before.GetValueOrDefault(e.Key) == e.Value,
            $"{e.Key}: {before.GetValueOrDefault(e.Key)} before, {after[e.Key]} after, the population added {e.Value}"));

        // Project 01 reached 10 counted registrants (submitted onwards), so of the batch's plans only it is not under 10.
        var plans = await QueryAsync(db => db.ExamPlans.CountAsync(p => p.BatchId == batchId && p.CancelledAt == null));
        Assert.Equal(plans - 1, after["plans-under"]);

        // The states agree with the database counted at this moment, whatever else is in the batch.
        var byStatus = await QueryAsync(db => db.Registrations.Where(r => r.BatchId == batchId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        foreach (var status in Enum.GetValues<RegistrationStatus>().Where(s => after.ContainsKey($"state-{s}")))
        {
            Assert.Equal(byStatus.GetValueOrDefault(status), after[$"state-{status}"]);
            Assert.Contains(RegistrationStatuses.DisplayName(status), page.QuerySelector($"#state-{status}")!.TextContent, StringComparison.Ordinal);
        }

        // Each number's link lists exactly its rows; payments are finance's, so the administrator sees that number unlinked.
        foreach (var (id, count) in after.Where(n => n.Key != "payments-waiting"))
        {
            Assert.Equal(count, await ListTotalAsync(admin, page, id));
        }

        Assert.Null(page.QuerySelector("#payments-waiting a"));
        var financePage = await finance.GetDocumentAsync(url);
        Assert.Equal(after["payments-waiting"], await ListTotalAsync(finance, financePage, "payments-waiting"));
        Assert.Null(financePage.QuerySelector("#outcome-Passed a"));
        Assert.Null(financePage.QuerySelector("#objections-open a"));
        Assert.Null(financePage.QuerySelector("#state-Submitted a"));
        Assert.Equal(after["outcome-Passed"], Numbers(financePage)["outcome-Passed"]);

        Assert.Equal(BatchPhases.DisplayName(BatchPhase.Examined), page.QuerySelector("#phase")!.TextContent.Trim());
        Assert.Contains("本批次考核已结束", page.QuerySelector("#next-deadline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_show_every_day_of_the_registration_window_and_one_bar_per_project_with_the_database_counts()
    {
        var batchId = await _scenario.BatchIdAsync(8);
        var plan03 = await _scenario.PlanIdAsync(8, "03");
        foreach (var (day, count) in new[] { (1, 2), (3, 1) })
        {
            portal.Clock.SetNow(At(9, day));
            for (var i = 0; i < count; i++)
            {
                var (userId, _, _) = await _scenario.CandidateAsync();
                var started = await _scenario.WorkflowAsync(w => w.StartAsync(new Actor(userId, Role.Candidate), plan03, CancellationToken.None));
                Assert.True(started.Succeeded, started.Message);
            }
        }

        var page = await (await portal.AsAsync(Role.CentreReviewer)).GetDocumentAsync($"/Centre/Batches/Dashboard/{batchId}");

        // Registrations per day: 8/31 to 9/7, zero days included, each the number created that China day.
        var created = await QueryAsync(db => db.Registrations.Where(r => r.BatchId == batchId).Select(r => r.CreatedAt).ToListAsync());
        var days = page.QuerySelectorAll("#chart-days svg g.chart-bar");
        Assert.Equal(["8/31", "9/1", "9/2", "9/3", "9/4", "9/5", "9/6", "9/7"], days.Select(g => g.QuerySelector("text.chart-label")!.TextContent));
        for (var i = 0; i < 8; i++)
        {
            var day = new DateOnly(2026, 8, 31).AddDays(i);
            var expected = created.Count(c => ChinaTime.DateOf(c) == day);
            Assert.Equal(expected, int.Parse(days[i].GetAttribute("data-value")!, CultureInfo.InvariantCulture));
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), days[i].QuerySelector("text.chart-value")!.TextContent);
        }

        Assert.True(Value(days[1]) >= 2 && Value(days[3]) >= 1);
        Assert.Equal(days.Select(Value), page.QuerySelectorAll("#chart-days table tbody td").Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)));

        // One bar per plan of the batch, each the plan's live registrations.
        var live = await QueryAsync(db => db.ExamPlans.Where(p => p.BatchId == batchId).OrderBy(p => p.Project.SortOrder).ThenBy(p => p.Project.Code)
            .Select(p => new { p.Project.Code, Count = db.Registrations.Count(r => r.ExamPlanId == p.Id && !Registration.NotLiveStatuses.Contains(r.Status)) })
            .ToListAsync());
        var bars = page.QuerySelectorAll("#chart-projects svg g.chart-bar");
        Assert.Equal(live.Select(p => p.Code), bars.Select(b => b.QuerySelector("text.chart-label")!.TextContent[..2]));
        Assert.Equal(live.Select(p => p.Count), bars.Select(Value));
        Assert.True(Value(bars[live.FindIndex(p => p.Code == "03")]) >= 3);

        // Accessible without script: a titled image with a description, and the same numbers in a table.
        foreach (var id in new[] { "chart-days", "chart-projects" })
        {
            var svg = page.QuerySelector($"#{id} svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")!.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")!.TextContent));
        }

        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Every_centre_role_sees_the_dashboard_others_are_refused_and_an_unknown_batch_is_not_found()
    {
        var url = $"/Centre/Batches/Dashboard/{await _scenario.BatchIdAsync(2)}";
        foreach (var role in new[] { Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.CentreAdmin })
        {
            var client = await portal.AsAsync(role);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Centre/Batches/Dashboard/987654")).StatusCode);
        }

        foreach (var role in new[] { Role.Candidate, Role.InstitutionStaff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.AsAsync(role)).GetAsync(url)).StatusCode);
        }

        var anonymous = await portal.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_centre_home_links_each_batch_title_to_its_dashboard()
    {
        var home = await (await portal.AsAsync(Role.CentreExam)).GetDocumentAsync("/Centre?year=2026");
        var batchId = await _scenario.BatchIdAsync(BatchNumber);

        var link = home.QuerySelector($"#dashboard-{batchId}")!;
        Assert.Equal($"/Centre/Batches/Dashboard/{batchId}", link.GetAttribute("href"));
        Assert.Equal("2026年第7批", link.TextContent.Trim());
    }

    [Fact]
    public async Task Review_answers_due_soon_or_overdue_count_institution_applicants_from_the_day_their_originals_arrived()
    {
        // Batch 2: submitted and received on Tuesday 3/10; the answer is due by the 10th working day after (3/24).
        var batchId = await _scenario.BatchIdAsync(2);
        var url = $"/Centre/Batches/Dashboard/{batchId}";
        var dueSoon = At(3, 23);
        var overdue = At(3, 25);
        var beforeSoon = await NumbersAtAsync(url, dueSoon);
        var beforeOverdue = await NumbersAtAsync(url, overdue);
        var (_, staffUserId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CDASH1X", $"due-{Guid.NewGuid():N}@dash.example");

        var ids = await _scenario.InstitutionSubmittedAsync(staffUserId, institutionId, ["韩复审"]);
        await QueryAsync(async db =>
        {
            var submissionId = await db.Registrations.Where(r => r.Id == ids[0]).Select(r => r.InstitutionSubmissionId!.Value).SingleAsync();
            var version = await db.InstitutionSubmissions.Where(s => s.Id == submissionId).Select(s => s.Version).SingleAsync();
            await using var scope = portal.Services.CreateAsyncScope();
            var recorded = await scope.ServiceProvider.GetRequiredService<ExamPortal.Web.Features.InstitutionApplicants.InstitutionWorkflow>()
                .RecordOriginalsAsync(Scenario.Reviewer, submissionId, version, new DateOnly(2026, 3, 10), CancellationToken.None);
            Assert.True(recorded.Succeeded, recorded.Message);
            return recorded;
        });

        var afterSoon = await NumbersAtAsync(url, dueSoon);
        var afterOverdue = await NumbersAtAsync(url, overdue);
        Assert.Equal((1, 0), (afterSoon["reviews-near"] - beforeSoon["reviews-near"], afterSoon["reviews-overdue"] - beforeSoon["reviews-overdue"]));
        Assert.Equal((0, 1), (afterOverdue["reviews-near"] - beforeOverdue["reviews-near"], afterOverdue["reviews-overdue"] - beforeOverdue["reviews-overdue"]));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        Assert.Equal(afterOverdue["reviews-overdue"], await ListTotalAsync(admin, await admin.GetDocumentAsync(url), "reviews-overdue"));
    }

    private async Task<Dictionary<string, int>> NumbersAtAsync(string url, DateTimeOffset at)
    {
        portal.Clock.SetNow(at);
        return Numbers(await (await portal.AsAsync(Role.CentreAdmin)).GetDocumentAsync(url));
    }

    private static int Value(IElement bar) => int.Parse(bar.GetAttribute("data-value")!, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Numbers(IDocument page) =>
        page.QuerySelectorAll(".dash-numbers li")
            .Select(li => (li.Id!, Text: li.QuerySelector(".dash-count")!.GetAttribute("data-count")))
            .Where(x => !string.IsNullOrEmpty(x.Text))
            .ToDictionary(x => x.Item1, x => int.Parse(x.Text!, CultureInfo.InvariantCulture));

    /// <summary>Follows a number's link and reads the total its list states.</summary>
    private static async Task<int> ListTotalAsync(HttpClient client, IDocument dashboard, string id)
    {
        var href = dashboard.QuerySelector($"#{id} a")?.GetAttribute("href");
        Assert.True(href is not null, $"{id} has no link");
        var list = await client.GetDocumentAsync(href);
        var total = list.QuerySelector("[data-total]");
        Assert.True(total is not null, $"{href} states no total");
        return int.Parse(total.GetAttribute("data-total")!, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Batch 7, project 01 unless said: a draft (02), two submitted, one returned, one rejected (02), one approved, one
    /// with a receipt waiting, one confirmed, four with tickets scored 85, 59, 缺考 and 90, certificates for the two who
    /// passed, and one open objection (from the one who failed).
    /// </summary>
    private async Task PopulateAsync(int batchId)
    {
        portal.Clock.SetNow(Registering);
        async Task<(string UserId, Guid Id)> Submitted(string project = "01")
        {
            var (userId, _, _) = await _scenario.CandidateAsync();
            return (userId, await _scenario.SubmittedAsync(userId, BatchNumber, project));
        }

        var (draftUser, _, _) = await _scenario.CandidateAsync();
        await _scenario.ReadyDraftAsync(draftUser, BatchNumber, "02");
        await Submitted();
        await Submitted();
        var returned = await Submitted();
        Assert.True((await _scenario.WorkflowAsync(w => w.ReturnAsync(returned.Id, _scenario.VersionOf(returned.Id), Scenario.Reviewer, "照片不清晰", ["身份证正面"], CancellationToken.None))).Succeeded);
        var rejected = await Submitted("02");
        Assert.True((await _scenario.WorkflowAsync(w => w.RejectAsync(rejected.Id, _scenario.VersionOf(rejected.Id), Scenario.Reviewer, "不符合报考条件", CancellationToken.None))).Succeeded);
        var approved = new List<(string UserId, Guid Id)>();
        for (var i = 0; i < 7; i++)
        {
            var (userId, _, _) = await _scenario.CandidateAsync();
            approved.Add((userId, await _scenario.ApprovedInBatchAsync(userId, BatchNumber, "01")));
        }

        // approved[0] stays approved; [1] waits for finance; [2] is confirmed after tickets; [3..6] get tickets.
        portal.Clock.SetNow(Paying);
        var payments = new List<Guid>();
        foreach (var (userId, id) in approved.Skip(1))
        {
            payments.Add(await _scenario.PaymentSubmittedAsync(userId, id, Scenario.Serial()));
        }

        foreach (var payment in payments.Skip(2))
        {
            await _scenario.ConfirmPaymentAsync(payment);
        }

        portal.Clock.SetNow(TicketsIssued);
        var exam = await _results.ExamOfficerAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<TicketIssuing>().IssueAsync(batchId, exam, CancellationToken.None);
            Assert.True(issued.Issued >= 4);
        }

        await _scenario.ConfirmPaymentAsync(payments[1]);

        var holders = approved.Skip(3).ToList();
        var holderIds = holders.Select(h => h.Id).ToList();
        var tickets = await QueryAsync(db => db.AdmissionTickets.Where(t => holderIds.Contains(t.RegistrationId))
            .ToDictionaryAsync(t => t.RegistrationId, t => t.Number));
        var dates = await ResultDatesAsync(batchId);
        portal.Clock.SetNow(ChinaTime.StartOf(dates.ExamDate.AddDays(2)).AddHours(10));
        var planId = await _scenario.PlanIdAsync(BatchNumber, "01");
        var scores = new[] { "85", "59", "缺考", "90" };
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var values = holders.Select((h, i) => (Number: tickets[h.Id], Value: ScoreValue.Parse(scores[i]).Value!)).ToDictionary(x => x.Number, x => x.Value);
            var recorded = await scope.ServiceProvider.GetRequiredService<ScoreEntry>().RecordAsync(planId, values, exam, "测试录入", CancellationToken.None);
            Assert.True(recorded.Succeeded, recorded.Message);
        }

        portal.Clock.SetNow(ChinaTime.StartOf(dates.PublicationDate).AddHours(10));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var raised = await scope.ServiceProvider.GetRequiredService<ObjectionWorkflow>()
                .RaiseAsync(holders[1].Id, "请复核我的成绩", new Actor(holders[1].UserId, Role.Candidate), CancellationToken.None);
            Assert.True(raised.Succeeded, raised.Message);
        }

        portal.Clock.SetNow(ChinaTime.StartOf(dates.CertificatesFrom).AddHours(10));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var certificates = await scope.ServiceProvider.GetRequiredService<CertificateIssuing>().IssueAsync(batchId, exam, CancellationToken.None);
            Assert.True(certificates.Issued >= 2);
        }

        var states = await QueryAsync(db => db.Registrations.Where(r => holderIds.Contains(r.Id) || r.Id == approved[0].Id || r.Id == approved[1].Id || r.Id == approved[2].Id)
            .ToDictionaryAsync(r => r.Id, r => r.Status));
        Assert.Equal(RegistrationStatus.Approved, states[approved[0].Id]);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, states[approved[1].Id]);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, states[approved[2].Id]);
        Assert.All(holderIds, id => Assert.Equal(RegistrationStatus.TicketIssued, states[id]));
        Assert.Equal(PaymentStatus.Submitted, (await _scenario.PaymentAsync(payments[0])).Status);
    }

    private async Task<ResultDates> ResultDatesAsync(int batchId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ResultCalendar>().DatesAsync(batchId, CancellationToken.None))!;
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
