using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>
/// 发放准考证 (issue 6): the centre's exam staff issue tickets to the 确认收费 registrations of a batch once payment has
/// closed. Batch 2's database is shared with every other test, so each test asserts on its own registrations, and
/// clears what others left waiting before it needs to know exactly what an issue does.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class TicketIssueTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Exam_staff_issue_one_numbered_seated_ticket_per_confirmed_registration_and_issuing_again_changes_nothing()
    {
        var (firstUser, _, _) = await _scenario.CandidateAsync();
        var first = await _scenario.PaymentConfirmedAsync(firstUser, "08");
        var (secondUser, _, _) = await _scenario.CandidateAsync();
        var second = await _scenario.PaymentConfirmedAsync(secondUser, "08");
        var (thirdUser, _, _) = await _scenario.CandidateAsync();
        var third = await _scenario.PaymentConfirmedAsync(thirdUser, "09");
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTKTA1X", "tickets@issue.example");
        var applicants = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["发证甲", "发证乙"], "18");
        await _scenario.InstitutionPaymentConfirmedAsync(staffId, applicants);
        var projectOf = new Dictionary<Guid, string> { [first] = "08", [second] = "08", [third] = "09", [applicants[0]] = "18", [applicants[1]] = "18" };
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        var exam = await portal.AsAsync(Role.CentreExam);

        var page = await exam.GetDocumentAsync($"/Centre/Tickets?BatchId={batchId}");
        Assert.Null(page.QuerySelector("#issue-refusal"));
        Assert.True(Count(page, "#awaiting-count") >= projectOf.Count, page.QuerySelector("#awaiting-count")!.TextContent);
        var issued = await exam.SubmitAsync(page, TicketPdfs.FormOf(page, "#issue-tickets"), new Dictionary<string, string>());

        var afterFirst = await exam.GetDocumentAsync(await issued.RedirectedToAsync());
        Assert.Matches("^已发放准考证\\d+张", TicketPdfs.StatusMessage(afterFirst));
        Assert.Equal(0, Count(afterFirst, "#awaiting-count"));
        var tickets = await _scenario.TicketsAsync(projectOf.Keys);
        Assert.Equal(projectOf.Count, tickets.Count);
        Assert.Equal(projectOf.Keys.Order(), tickets.Select(t => t.RegistrationId).Order());
        Assert.Equal(tickets.Count, tickets.Select(t => t.Number).Distinct().Count());
        foreach (var ticket in tickets)
        {
            var code = projectOf[ticket.RegistrationId];
            var match = System.Text.RegularExpressions.Regex.Match(ticket.Number, "^202602(\\d\\d)(\\d{4})$");
            Assert.True(match.Success, ticket.Number);
            Assert.Equal(code, match.Groups[1].Value);
            Assert.Equal(ticket.Sequence, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.Equal(await _scenario.PlanIdAsync(2, code), ticket.ExamPlanId);
            Assert.Equal(batchId, ticket.BatchId);
            Assert.Equal(RegistrationStatus.TicketIssued, (await _scenario.RegistrationAsync(ticket.RegistrationId)).Status);
        }

        // A room holds one project: everyone seated in my candidates' rooms sits the same plan, each on a seat of their own.
        var seatedWith = await _scenario.TicketsInRoomsAsync(tickets.Select(t => t.ExamRoomId));
        foreach (var room in seatedWith.GroupBy(t => t.ExamRoomId))
        {
            var plan = Assert.Single(room.Select(t => t.ExamPlanId).Distinct());
            Assert.Equal(plan, (await _scenario.ExamRoomAsync(room.Key)).ExamPlanId);
            Assert.Equal(room.Count(), room.Select(t => t.Seat).Distinct().Count());
            Assert.All(room, t => Assert.InRange(t.Seat, 1, SeatAllocator.DefaultCapacity));
        }

        Assert.Single(await _scenario.MessagesAsync(firstUser), m => m.Title == "准考证已发放" && m.Body.Contains("人工智能图像识别", StringComparison.Ordinal));
        Assert.Single(await _scenario.MessagesAsync(thirdUser), m => m.Title == "准考证已发放" && m.Body.Contains("人工智能文本分析", StringComparison.Ordinal));
        var institutionMessage = Assert.Single(await _scenario.MessagesAsync(staffId), m => m.Title == "准考证已发放");
        Assert.Contains("2名考生", institutionMessage.Body, StringComparison.Ordinal);
        Assert.Contains("2026年4月20日", institutionMessage.Body, StringComparison.Ordinal);
        var before = Snapshot(tickets);

        // The page no longer offers the button; a second click from the stale page, then two at once through the
        // service: nothing left to issue, and nothing given moves.
        Assert.Null(afterFirst.QuerySelector("#issue-tickets"));
        Assert.NotNull(afterFirst.QuerySelector("#nothing-to-issue"));
        var again = await exam.SubmitAsync(page, TicketPdfs.FormOf(page, "#issue-tickets"), new Dictionary<string, string>());
        var afterSecond = await exam.GetDocumentAsync(await again.RedirectedToAsync());
        Assert.StartsWith("没有需要发放的准考证", TicketPdfs.StatusMessage(afterSecond), StringComparison.Ordinal);
        var concurrent = await Task.WhenAll(_scenario.TicketsIssuedAsync(), _scenario.TicketsIssuedAsync());
        Assert.All(concurrent, r => Assert.Equal(0, r.Issued));
        Assert.Equal(before, Snapshot(await _scenario.TicketsAsync(projectOf.Keys)));
        Assert.Single(await _scenario.MessagesAsync(firstUser), m => m.Title == "准考证已发放");
        Assert.Single(await _scenario.MessagesAsync(staffId), m => m.Title == "准考证已发放");
    }

    [Fact]
    public async Task A_payment_confirmed_after_issuing_gets_the_next_number_of_its_project_and_a_seat_in_its_room_and_the_others_stay()
    {
        var (earlyUser, _, _) = await _scenario.CandidateAsync();
        var early = await _scenario.PaymentConfirmedAsync(earlyUser, "08");
        var (lateUser, _, _) = await _scenario.CandidateAsync();
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var late = await _scenario.ApprovedInBatchAsync(lateUser, 2, "08");
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var paymentId = await _scenario.PaymentSubmittedAsync(lateUser, late, Scenario.Serial());
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var earlyTicket = await _scenario.TicketAsync(early);
        Assert.Empty(await _scenario.TicketsAsync([late]));
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(late)).Status);
        var batchId = await _scenario.BatchIdAsync(2);
        var planId = await _scenario.PlanIdAsync(2, "08");
        var before = await BatchSnapshotAsync(batchId);
        var lastSequence = await LastSequenceAsync(planId);
        var room = await _scenario.ExamRoomAsync(earlyTicket.ExamRoomId);
        var highestSeat = (await _scenario.TicketsInRoomsAsync([room.Id])).Max(t => t.Seat);
        Assert.True(highestSeat < room.Capacity, $"{room.Name} is full: the test needs a free seat in it");

        // Finance confirms on 4/10, before its decision deadline (4/19); the centre issues again, twice at once.
        await _scenario.ConfirmPaymentAsync(paymentId);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(late)).Status);
        var results = await Task.WhenAll(_scenario.TicketsIssuedAsync(), _scenario.TicketsIssuedAsync());

        Assert.Equal([0, 1], results.Select(r => r.Issued).Order());
        var lateTicket = await _scenario.TicketAsync(late);
        Assert.Equal(lastSequence + 1, lateTicket.Sequence);
        Assert.Equal(TicketNumber.Format(2026, 2, "08", lastSequence + 1), lateTicket.Number);
        Assert.Equal((room.Id, highestSeat + 1), (lateTicket.ExamRoomId, lateTicket.Seat));
        Assert.Equal(planId, (await _scenario.ExamRoomAsync(room.Id)).ExamPlanId);
        Assert.Equal(RegistrationStatus.TicketIssued, (await _scenario.RegistrationAsync(late)).Status);
        Assert.Single(await _scenario.MessagesAsync(lateUser), m => m.Title == "准考证已发放");
        var after = await BatchSnapshotAsync(batchId);
        Assert.Equal(before, after.Where(t => !t.Contains($"|{lateTicket.Number}|", StringComparison.Ordinal)).ToList());
        Assert.Equal(earlyTicket.Number, (await _scenario.TicketAsync(early)).Number);
    }

    [Fact]
    public async Task Before_payment_closes_the_page_says_why_and_a_post_issues_nothing()
    {
        var (userId, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.PaymentConfirmedAsync(userId, "09");
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2PaymentOpen);
        var exam = await portal.AsAsync(Role.CentreExam);

        var page = await exam.GetDocumentAsync($"/Centre/Tickets?BatchId={batchId}");

        var refusal = page.QuerySelector("#issue-refusal")?.TextContent.Trim();
        Assert.Equal("缴费期至2026年4月3日结束，结束后才能发放准考证", refusal);
        Assert.Null(page.QuerySelector("#issue-tickets"));

        // A stale tab or a hand-made request is refused the same way.
        var response = await exam.PostWithTokenAsync(page, "/Centre/Tickets?handler=Issue",
            new Dictionary<string, string> { ["BatchId"] = batchId.ToString(CultureInfo.InvariantCulture) });
        var after = await exam.GetDocumentAsync(await response.RedirectedToAsync());
        Assert.Equal(refusal, TicketPdfs.StatusMessage(after));
        Assert.Empty(await _scenario.TicketsAsync([id]));
        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(id)).Status);
        Assert.DoesNotContain(await _scenario.MessagesAsync(userId), m => m.Title == "准考证已发放");
    }

    [Fact]
    public async Task Reviewers_and_finance_are_refused_the_ticket_pages_and_an_administrator_may_issue()
    {
        var (userId, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.PaymentConfirmedAsync(userId, "09");
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);

        foreach (var role in new[] { Role.CentreReviewer, Role.CentreFinance })
        {
            var client = await portal.AsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Centre/Tickets?BatchId={batchId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Centre/Tickets/Rooms/{batchId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Centre/Tickets?handler=SignInSheets&batchId={batchId}")).StatusCode);
            var home = await client.GetDocumentAsync("/Centre");
            Assert.Null(home.QuerySelector("#tickets-link"));
            var post = await client.PostWithTokenAsync(home, "/Centre/Tickets?handler=Issue",
                new Dictionary<string, string> { ["BatchId"] = batchId.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Empty(await _scenario.TicketsAsync([id]));

        var admin = await portal.AsAsync(Role.CentreAdmin);
        Assert.NotNull((await admin.GetDocumentAsync("/Centre")).QuerySelector("#tickets-link"));
        Assert.NotNull((await admin.GetDocumentAsync($"/Centre/Tickets/Rooms/{batchId}")).QuerySelector("#add-room"));
        var page = await admin.GetDocumentAsync($"/Centre/Tickets?BatchId={batchId}");
        await (await admin.SubmitAsync(page, TicketPdfs.FormOf(page, "#issue-tickets"), new Dictionary<string, string>())).RedirectedToAsync();

        var ticket = await _scenario.TicketAsync(id);
        Assert.Equal(RegistrationStatus.TicketIssued, (await _scenario.RegistrationAsync(id)).Status);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var adminId = await db.Users.Where(u => u.UserName == SignedIn.LoginOf(Role.CentreAdmin)).Select(u => u.Id).SingleAsync();
        Assert.Equal(adminId, ticket.IssuedByUserId);
    }

    [Fact]
    public async Task A_room_with_seats_in_words_is_refused_keeping_what_was_typed_and_a_valid_room_seats_the_next_issue()
    {
        const string RoomName = "实训楼A301";
        var (userId, _, _) = await _scenario.CandidateAsync();
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var id = await _scenario.ApprovedInBatchAsync(userId, 2, "10");
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var paymentId = await _scenario.PaymentSubmittedAsync(userId, id, Scenario.Serial());
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);

        // Whatever other tests left waiting is seated first, so the room added below is the only one without a plan.
        await _scenario.TicketsIssuedAsync();
        var exam = await portal.AsAsync(Role.CentreExam);
        var rooms = await exam.GetDocumentAsync($"/Centre/Tickets/Rooms/{batchId}");

        var refused = await exam.SubmitAsync(rooms, "#add-room", new Dictionary<string, string>
        {
            ["Room.Name"] = RoomName,
            ["Room.Location"] = "3楼301室",
            ["Room.Capacity"] = "三十",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await HtmlForms.ReadAsync(refused);
        Assert.Contains("座位数请填写1到200之间的整数（默认30）", again.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RoomName, Field(again, "#add-room", "Room.Name"));
        Assert.Equal("3楼301室", Field(again, "#add-room", "Room.Location"));
        Assert.Equal("三十", Field(again, "#add-room", "Room.Capacity"));
        Assert.Null(await RoomNamedAsync(batchId, RoomName));

        var added = await exam.SubmitAsync(again, "#add-room", new Dictionary<string, string> { ["Room.Capacity"] = "40" });
        Assert.Equal($"已新增考场“{RoomName}”", TicketPdfs.StatusMessage(await exam.GetDocumentAsync(await added.RedirectedToAsync())));
        var room = (await RoomNamedAsync(batchId, RoomName))!;
        Assert.Equal((40, "3楼301室", (int?)null), (room.Capacity, room.Location, room.ExamPlanId));

        await _scenario.ConfirmPaymentAsync(paymentId);
        var page = await exam.GetDocumentAsync($"/Centre/Tickets?BatchId={batchId}");
        var issued = await exam.SubmitAsync(page, TicketPdfs.FormOf(page, "#issue-tickets"), new Dictionary<string, string>());
        Assert.StartsWith("已发放准考证1张", TicketPdfs.StatusMessage(await exam.GetDocumentAsync(await issued.RedirectedToAsync())), StringComparison.Ordinal);

        var ticket = await _scenario.TicketAsync(id);
        Assert.Equal((room.Id, 1), (ticket.ExamRoomId, ticket.Seat));
        Assert.Equal(await _scenario.PlanIdAsync(2, "10"), (await _scenario.ExamRoomAsync(room.Id)).ExamPlanId);
        var listed = (await exam.GetDocumentAsync($"/Centre/Tickets/Rooms/{batchId}")).QuerySelectorAll("#rooms tbody tr")
            .Single(r => r.QuerySelector<IHtmlInputElement>("input[name='Room.Name']")!.Value == RoomName);
        Assert.Contains("人工智能语音识别 · 已编排1人", listed.TextContent, StringComparison.Ordinal);
        Assert.Null(listed.QuerySelector("button[formaction*='RemoveRoom']"));
    }

    private static int Count(IDocument page, string selector) =>
        int.Parse(new string([.. page.QuerySelector(selector)!.TextContent.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);

    private static string? Field(IDocument page, string formSelector, string name) =>
        page.QuerySelector<IHtmlInputElement>($"{formSelector} input[name='{name}']")?.Value;

    private static List<string> Snapshot(IEnumerable<AdmissionTicket> tickets) =>
        [.. tickets.OrderBy(t => t.Number).Select(t => $"{t.Id}|{t.RegistrationId}|{t.Number}|{t.Sequence}|{t.ExamRoomId}|{t.Seat}|{t.IssuedAt:O}")];

    private async Task<List<string>> BatchSnapshotAsync(int batchId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return Snapshot(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdmissionTickets.AsNoTracking().Where(t => t.BatchId == batchId).ToListAsync());
    }

    private async Task<int> LastSequenceAsync(int planId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdmissionTickets.Where(t => t.ExamPlanId == planId).MaxAsync(t => t.Sequence);
    }

    private async Task<Web.Data.Entities.ExamRoom?> RoomNamedAsync(int batchId, string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ExamRooms.AsNoTracking().SingleOrDefaultAsync(r => r.BatchId == batchId && r.Name == name);
    }
}
