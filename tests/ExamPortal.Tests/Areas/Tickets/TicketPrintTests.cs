using System.Globalization;
using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>
/// 打印准考证 (section 六): institutions print their candidates' tickets, candidates download their own, both in
/// 打印准考证时间 only (batch 2: 4/20–4/24, hand-over by 4/23), and the centre prints sign-in sheets and room lists.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class TicketPrintTests(PortalFactory portal)
{
    private const string PrintWindow = "2026年4月20日至2026年4月24日";
    private static readonly DateTimeOffset BeforePrinting = new(2026, 4, 15, 10, 0, 0, ChinaTime.Offset);

    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task An_institution_prints_its_own_tickets_as_one_pdf_and_the_print_is_recorded_while_another_sees_none_of_them()
    {
        string[] names = ["打印甲", "打印乙", "打印丙"];
        var (_, ownerId, ownerInstitution) = await _scenario.InstitutionAsync("91510104MA6CTKTP1X", "tickets@print-owner.example");
        var ids = await _scenario.InstitutionApprovedAsync(ownerId, ownerInstitution, names, "21");
        await _scenario.InstitutionPaymentConfirmedAsync(ownerId, ids);
        var (_, otherId, otherInstitution) = await _scenario.InstitutionAsync("91510104MA6CTKTP2X", "tickets@print-other.example");
        var otherIds = await _scenario.InstitutionApprovedAsync(otherId, otherInstitution, ["他机构丁"], "21");
        await _scenario.InstitutionPaymentConfirmedAsync(otherId, otherIds);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var tickets = await _scenario.TicketsAsync(ids);
        var foreign = await _scenario.TicketAsync(otherIds[0]);
        var nameOf = ids.Zip(names).ToDictionary(p => p.First, p => p.Second);
        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        var owner = await portal.AsAsync("tickets@print-owner.example", Scenario.Password);

        var page = await owner.GetDocumentAsync("/Institution/Tickets");

        Assert.Equal(tickets.Select(t => t.Number).Order(), page.QuerySelectorAll("#institution-tickets tbody tr").Select(r => r.GetAttribute("data-ticket")!).Order());
        Assert.Contains("须于2026年4月23日", page.QuerySelector("#hand-over-by")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#print-refusal"));
        Assert.DoesNotContain("他机构丁", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("#institution-tickets tbody tr"), r => Assert.Contains("未打印", r.TextContent, StringComparison.Ordinal));

        var response = await owner.SubmitAsync(page, TicketPdfs.FormOf(page, "#print-all"), new Dictionary<string, string>());

        var pdf = await TicketPdfs.ReadAsync(response);
        DocumentArtifacts.Save(pdf, "institution-printed-tickets.pdf");
        var pages = TicketPdfs.PageTexts(pdf);
        var words = TicketPdfs.PageWords(pdf);
        Assert.Equal(tickets.Count, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            // One page per ticket, in ticket-number order.
            var ticket = tickets[i];
            Assert.Contains(ticket.Number, words[i]);
            Assert.Contains(nameOf[ticket.RegistrationId], pages[i], StringComparison.Ordinal);
            Assert.Contains("碳排放核算", pages[i], StringComparison.Ordinal);
            Assert.Contains("第二代居民身份证", pages[i], StringComparison.Ordinal);
            Assert.DoesNotContain(foreign.Number, words[i]);
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var printed = await db.AdmissionTickets.AsNoTracking().Where(t => ids.Contains(t.RegistrationId) || t.Id == foreign.Id).ToListAsync();
            Assert.All(printed.Where(t => t.Id != foreign.Id), t => Assert.Equal((portal.Clock.Today, 1), (ChinaTime.DateOf(t.FirstPrintedAt!.Value), t.PrintCount)));
            Assert.Null(printed.Single(t => t.Id == foreign.Id).FirstPrintedAt);
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditTrail.TicketsPrinted && a.ActorUserId == ownerId);
            Assert.Equal(nameof(Role.InstitutionStaff), audit.ActorRole);
            Assert.Equal("打印准考证3张", audit.Details);
        }

        var reprinted = await owner.GetDocumentAsync("/Institution/Tickets");
        Assert.All(reprinted.QuerySelectorAll("#institution-tickets tbody tr"), r => Assert.Contains("首次 ", r.TextContent, StringComparison.Ordinal));

        // One ticket on its own: a one-page PDF of that ticket.
        var one = await owner.SubmitAsync(reprinted, TicketPdfs.FormOf(reprinted, $"tr[data-ticket='{tickets[1].Number}'] button"), new Dictionary<string, string>());
        var single = TicketPdfs.PageWords(await TicketPdfs.ReadAsync(one));
        Assert.Contains(tickets[1].Number, Assert.Single(single));

        // The other institution sees its own ticket only, and cannot print a ticket that is not its own.
        var other = await portal.AsAsync("tickets@print-other.example", Scenario.Password);
        var otherPage = await other.GetDocumentAsync("/Institution/Tickets");
        Assert.Equal([foreign.Number], otherPage.QuerySelectorAll("#institution-tickets tbody tr").Select(r => r.GetAttribute("data-ticket")));
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, otherPage.Body!.TextContent, StringComparison.Ordinal);
        }

        var batchId = (await _scenario.BatchIdAsync(2)).ToString(CultureInfo.InvariantCulture);
        var stolen = await other.PostWithTokenAsync(otherPage, "/Institution/Tickets?handler=PrintOne",
            new Dictionary<string, string> { ["BatchId"] = batchId, ["ticketId"] = tickets[0].Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(1, (await _scenario.TicketAsync(tickets[0].RegistrationId)).PrintCount);
        Assert.Equal(2, (await _scenario.TicketAsync(tickets[1].RegistrationId)).PrintCount);
    }

    [Fact]
    public async Task Before_the_printing_window_an_institution_is_told_the_dates_and_gets_no_pdf()
    {
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTKTP3X", "tickets@print-early.example");
        var ids = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["早到戊"], "21");
        await _scenario.InstitutionPaymentConfirmedAsync(staffId, ids);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var ticket = await _scenario.TicketAsync(ids[0]);
        portal.Clock.SetNow(BeforePrinting);
        var staff = await portal.AsAsync("tickets@print-early.example", Scenario.Password);

        var page = await staff.GetDocumentAsync("/Institution/Tickets");

        var refusal = page.QuerySelector("#print-refusal")!.TextContent.Trim();
        Assert.Equal($"本批次打印准考证时间为{PrintWindow}，尚未开始，请到时再来下载打印", refusal);
        Assert.Null(page.QuerySelector("#print-all"));
        Assert.Contains(ticket.Number, page.QuerySelector("#institution-tickets")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("须于2026年4月23日", page.QuerySelector("#hand-over-by")!.TextContent, StringComparison.Ordinal);

        var batchId = (await _scenario.BatchIdAsync(2)).ToString(CultureInfo.InvariantCulture);
        var response = await staff.PostWithTokenAsync(page, "/Institution/Tickets?handler=PrintAll", new Dictionary<string, string> { ["BatchId"] = batchId });

        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var after = await staff.GetDocumentAsync(await response.RedirectedToAsync());
        Assert.Equal(refusal, TicketPdfs.StatusMessage(after));
        var one = await staff.PostWithTokenAsync(page, "/Institution/Tickets?handler=PrintOne",
            new Dictionary<string, string> { ["BatchId"] = batchId, ["ticketId"] = ticket.Id.ToString() });
        await one.RedirectedToAsync();
        Assert.Null((await _scenario.TicketAsync(ids[0])).FirstPrintedAt);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AnyAsync(a => a.Action == AuditTrail.TicketsPrinted && a.ActorUserId == staffId));
    }

    [Fact]
    public async Task A_candidate_downloads_their_ticket_in_the_window_only_and_nobody_else_can()
    {
        var (userId, mobile, _) = await _scenario.CandidateNamedAsync("陈晓明");
        var id = await _scenario.PaymentConfirmedAsync(userId, "09");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var ticket = await _scenario.TicketAsync(id);
        portal.Clock.SetNow(BeforePrinting);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);

        var early = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}");

        Assert.Contains(ticket.Number, early.QuerySelector("#ticket")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年4月20日", early.QuerySelector("#ticket-window")!.TextContent, StringComparison.Ordinal);
        Assert.Null(early.QuerySelector("#download-ticket"));
        var refused = await candidate.GetAsync($"/Candidate/Registrations/View/{id}?handler=Ticket");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("尚未开始", TicketPdfs.StatusMessage(await candidate.GetDocumentAsync(refused.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        var view = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}");
        Assert.Null(view.QuerySelector("#ticket-window"));
        var link = view.QuerySelector("#download-ticket")!.GetAttribute("href")!;
        var pdf = await TicketPdfs.ReadAsync(await candidate.GetAsync(link));
        DocumentArtifacts.Save(pdf, "candidate-ticket.pdf");
        var text = Assert.Single(TicketPdfs.PageTexts(pdf));
        Assert.Contains("陈晓明", text, StringComparison.Ordinal);
        Assert.Contains("人工智能文本分析", text, StringComparison.Ordinal);
        Assert.Contains(ticket.Number, Assert.Single(TicketPdfs.PageWords(pdf)));

        var (_, otherMobile, _) = await _scenario.CandidateAsync();
        var other = await portal.AsAsync(otherMobile, Scenario.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Candidate/Registrations/View/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_centre_prints_sign_in_sheets_and_room_lists_with_the_candidates_of_the_batch()
    {
        var (userId, _, _) = await _scenario.CandidateNamedAsync("周签到");
        var individual = await _scenario.PaymentConfirmedAsync(userId, "09");
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTKTS1X", "tickets@sign-in.example");
        var applicants = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["签到庚", "签到辛"], "21");
        await _scenario.InstitutionPaymentConfirmedAsync(staffId, applicants);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var tickets = await _scenario.TicketsAsync([individual, .. applicants]);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        var exam = await portal.AsAsync(Role.CentreExam);
        var page = await exam.GetDocumentAsync($"/Centre/Tickets?BatchId={batchId}");

        var signIn = await TicketPdfs.ReadAsync(await exam.GetAsync(page.QuerySelector("#print-sign-in")!.GetAttribute("href")!));
        var roomLists = await TicketPdfs.ReadAsync(await exam.GetAsync(page.QuerySelector("#print-room-lists")!.GetAttribute("href")!));

        DocumentArtifacts.Save(signIn, "centre-sign-in-sheets.pdf");
        DocumentArtifacts.Save(roomLists, "centre-room-lists.pdf");
        var signInText = string.Join("\n", TicketPdfs.PageTexts(signIn));
        var signInWords = TicketPdfs.PageWords(signIn).SelectMany(w => w).ToHashSet();
        var listText = string.Join("\n", TicketPdfs.PageTexts(roomLists));
        var listWords = TicketPdfs.PageWords(roomLists).SelectMany(w => w).ToHashSet();
        Assert.Contains("考生签名", signInText, StringComparison.Ordinal);
        Assert.Contains("考场安排表", listText, StringComparison.Ordinal);
        foreach (var ticket in tickets)
        {
            Assert.Contains(ticket.Number, signInWords);
            Assert.Contains(ticket.Number, listWords);
        }

        foreach (var name in new[] { "周签到", "签到庚", "签到辛" })
        {
            Assert.Contains(name, signInText, StringComparison.Ordinal);
            Assert.Contains(name, listText, StringComparison.Ordinal);
        }

        Assert.Contains("测试机构TS1X", listText, StringComparison.Ordinal);
        Assert.Contains("个人报名", listText, StringComparison.Ordinal);
    }
}
