using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Areas.Centre;
using ExamPortal.Tests.Areas.Tickets;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Reliability;

/// <summary>
/// Two signed-in sessions act on the same registration, payment or batch at the same moment, over HTTP: exactly one
/// wins, the other is told in Chinese and keeps what it typed, and the database holds one transition, one message,
/// one ticket — nothing lost, nothing doubled. The posts leave together (Task.WhenAll) after both pages were loaded,
/// so each session decided on the same state.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ConcurrencyTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Two_reviewers_approving_and_returning_the_same_registration_at_once_one_wins_and_the_other_keeps_its_reason()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate);
        var alice = await portal.AsAsync(Role.CentreReviewer);
        var bob = await portal.AsAsync(Role.CentreAdmin);
        var alicePage = await alice.GetDocumentAsync($"/Centre/Reviews/Review/{id}");
        var bobPage = await bob.GetDocumentAsync($"/Centre/Reviews/Review/{id}");

        var (approved, returned) = await AtOnceAsync(
            () => alice.SubmitAsync(alicePage, "form[action*='handler=Approve']", new Dictionary<string, string>()),
            () => bob.SubmitAsync(bobPage, "form[action*='handler=Return']", new Dictionary<string, string>
            {
                ["Input.Reason"] = "身份证反面不清晰",
                ["Input.Items"] = "身份证反面",
            }));

        var registration = await _scenario.RegistrationAsync(id);
        var decisions = registration.History.Where(e => e.From == RegistrationStatus.Submitted).ToList();
        var decision = Assert.Single(decisions);
        Assert.Equal(decision.To, registration.Status);
        var (winner, loser) = decision.To == RegistrationStatus.Approved ? (approved, returned) : (returned, approved);
        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        var loserSees = await HtmlForms.ReadAsync(loser);
        Assert.Contains(WorkflowResult.ConflictMessage, loserSees.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        if (loser == returned)
        {
            Assert.Contains("身份证反面不清晰", loserSees.QuerySelector("#unsaved-input")!.TextContent, StringComparison.Ordinal);
        }

        var messages = await _scenario.MessagesAsync(candidate);
        Assert.Single(messages, m => m.Title is "报名审核通过" or "报名被退回修改");
    }

    [Fact]
    public async Task A_candidate_submitting_from_two_tabs_at_once_submits_once()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var first = await candidate.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");
        var second = await candidate.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");

        var (a, b) = await AtOnceAsync(
            () => candidate.SubmitAsync(first, VersionForm(first), new Dictionary<string, string>()),
            () => candidate.SubmitAsync(second, VersionForm(second), new Dictionary<string, string>()));

        var outcomes = new[] { a, b };
        Assert.Single(outcomes, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = await HtmlForms.ReadAsync(outcomes.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains(WorkflowResult.ConflictMessage, loser.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Submitted, registration.Status);
        Assert.Single(registration.History, e => e.To == RegistrationStatus.Submitted);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "报名已提交，等待审核");
    }

    [Fact]
    public async Task A_details_form_left_open_in_another_tab_does_not_overwrite_newer_details_and_keeps_what_was_typed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var url = $"/Candidate/Registrations/Details/{id}";
        var tabA = await candidate.GetDocumentAsync(url);
        var tabB = await candidate.GetDocumentAsync(url);

        // Tab A saves first; tab B, loaded before that save, posts afterwards.
        var savedA = await candidate.SubmitAsync(tabA, "form.card", new Dictionary<string, string> { ["Input.Address"] = "成都市锦江区甲路1号" });
        var staleB = await candidate.SubmitAsync(tabB, "form.card", new Dictionary<string, string> { ["Input.Address"] = "成都市锦江区乙路2号" });

        Assert.Equal(HttpStatusCode.Redirect, savedA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleB.StatusCode);
        var bSees = await HtmlForms.ReadAsync(staleB);
        Assert.Contains(WorkflowResult.ConflictMessage, bSees.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("成都市锦江区乙路2号", Address(bSees));
        Assert.Equal("成都市锦江区甲路1号", (await _scenario.RegistrationAsync(id)).Details!.Address);

        // Having been told, saving again from the same tab is a deliberate choice and goes through.
        var again = await candidate.SubmitAsync(bSees, "form.card", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("成都市锦江区乙路2号", (await _scenario.RegistrationAsync(id)).Details!.Address);

        // And the same two tabs posting at the same moment: one is saved whole, the other is told.
        var tabC = await candidate.GetDocumentAsync(url);
        var tabD = await candidate.GetDocumentAsync(url);
        var (c, d) = await AtOnceAsync(
            () => candidate.SubmitAsync(tabC, "form.card", new Dictionary<string, string> { ["Input.Address"] = "成都市锦江区丙路3号", ["Input.School"] = "丙大学" }),
            () => candidate.SubmitAsync(tabD, "form.card", new Dictionary<string, string> { ["Input.Address"] = "成都市锦江区丁路4号", ["Input.School"] = "丁大学" }));
        Assert.Single(new[] { c, d }, r => r.StatusCode == HttpStatusCode.Redirect);
        var (winnerAddress, winnerSchool, loser) = c.StatusCode == HttpStatusCode.Redirect ? ("成都市锦江区丙路3号", "丙大学", d) : ("成都市锦江区丁路4号", "丁大学", c);
        var details = (await _scenario.RegistrationAsync(id)).Details!;
        Assert.Equal((winnerAddress, winnerSchool), (details.Address, details.School));
        var loserSees = await HtmlForms.ReadAsync(loser);
        Assert.Contains(WorkflowResult.ConflictMessage, loserSees.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(winnerAddress, Address(loserSees));
    }

    [Fact]
    public async Task An_applicant_form_left_open_in_another_tab_does_not_overwrite_the_institutions_newer_edit()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, staffUserId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CCNC01X", "conc-edit@one.example");
        Guid id;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var applicant = new Applicant { IdNumber = IdNumbers.Resident("510112", new DateOnly(1986, 6, 6), 611), Name = "并发编辑" };
            await _scenario.ForgetRegistrationsAsync([(string)applicant.IdNumber!]);
            var (added, problems) = await scope.ServiceProvider.GetRequiredService<ApplicantImport>()
                .AddOneAsync(new Actor(staffUserId, Role.InstitutionStaff), institutionId, await _scenario.BatchIdAsync(2), applicant.Cells(), CancellationToken.None);
            Assert.True(added is not null, string.Join("; ", problems.Select(p => p.Message)));
            id = added.Value;
        }

        var school = $"Cells[{ApplicantColumns.School.Index}]";
        var tabA = await staff.GetDocumentAsync($"/Institution/Applicants/Edit/{id}");
        var tabB = await staff.GetDocumentAsync($"/Institution/Applicants/Edit/{id}");

        var savedA = await staff.SubmitAsync(tabA, "#edit-applicant", new Dictionary<string, string> { [school] = "西南财经大学" });
        var staleB = await staff.SubmitAsync(tabB, "#edit-applicant", new Dictionary<string, string> { [school] = "西南交通大学" });

        Assert.Equal(HttpStatusCode.Redirect, savedA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleB.StatusCode);
        var bSees = await HtmlForms.ReadAsync(staleB);
        Assert.Contains(WorkflowResult.ConflictMessage, bSees.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("西南交通大学", bSees.QuerySelector<IHtmlInputElement>($"input[name='{school}']")!.Value);
        Assert.Equal("西南财经大学", (await _scenario.RegistrationAsync(id)).Details!.School);
    }

    [Fact]
    public async Task A_candidate_sending_the_payment_form_from_two_tabs_at_once_pays_once()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        await _scenario.PayeeAsync();
        var name = (await _scenario.RegistrationAsync(id)).Details!.FullName;
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var tab1 = await candidate.GetDocumentAsync($"/Candidate/Registrations/Payment/{id}");
        var tab2 = await candidate.GetDocumentAsync($"/Candidate/Registrations/Payment/{id}");
        Dictionary<string, string> Claim() => new()
        {
            ["Input.PayerName"] = name,
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        };

        var (a, b) = await AtOnceAsync(
            () => candidate.UploadAsync(tab1, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", Claim()),
            () => candidate.UploadAsync(tab2, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", Claim()));

        Assert.Single(new[] { a, b }, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = await HtmlForms.ReadAsync(a.StatusCode == HttpStatusCode.Redirect ? b : a);
        Assert.Contains(WorkflowResult.ConflictMessage, loser.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Single(registration.History, e => e.To == RegistrationStatus.PaymentSubmitted);
        Assert.Equal(1, await portal.DbAsync(db => db.Payments.CountAsync(p => p.SubmittedByUserId == userId)));
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "缴费凭证已提交，等待确认");
    }

    [Fact]
    public async Task Two_finance_sessions_confirming_and_returning_the_same_payment_at_once_decide_it_once()
    {
        var (userId, registrationId, paymentId) = await SubmittedPaymentAsync();
        var one = await portal.AsAsync(Role.CentreFinance);
        var two = await portal.AsAsync(Role.CentreFinance);
        var onePage = await one.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");
        var twoPage = await two.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");

        var (confirmed, returned) = await AtOnceAsync(
            () => one.SubmitAsync(onePage, "#confirm-form", new Dictionary<string, string>()),
            () => two.SubmitAsync(twoPage, "#return-form", new Dictionary<string, string> { ["Reason"] = "回单金额看不清" }));

        var payment = await _scenario.PaymentAsync(paymentId);
        var registration = await _scenario.RegistrationAsync(registrationId);
        var decision = Assert.Single(registration.History, e => e.From == RegistrationStatus.PaymentSubmitted);
        var confirmWon = payment.Status == PaymentStatus.Confirmed;
        Assert.Equal(confirmWon ? RegistrationStatus.PaymentConfirmed : RegistrationStatus.PaymentReturned, decision.To);
        var (winner, loser) = confirmWon ? (confirmed, returned) : (returned, confirmed);
        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        var loserSees = await HtmlForms.ReadAsync(loser);
        Assert.Contains(WorkflowResult.ConflictMessage, loserSees.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        if (confirmWon)
        {
            // The payment is decided, so the return form is gone; what finance typed is shown, not lost.
            Assert.Contains("回单金额看不清", loserSees.QuerySelector("#unsaved-input")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title is "已确认收费" or "缴费凭证被退回");
    }

    [Fact]
    public async Task Two_finance_sessions_confirming_the_same_payment_at_once_confirm_it_once()
    {
        var (userId, registrationId, paymentId) = await SubmittedPaymentAsync();
        var one = await portal.AsAsync(Role.CentreFinance);
        var two = await portal.AsAsync(Role.CentreFinance);
        var onePage = await one.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");
        var twoPage = await two.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");

        var (a, b) = await AtOnceAsync(
            () => one.SubmitAsync(onePage, "#confirm-form", new Dictionary<string, string>()),
            () => two.SubmitAsync(twoPage, "#confirm-form", new Dictionary<string, string>()));

        // The second either meets the version check (told it changed) or arrives after the commit (told it was already confirmed).
        foreach (var response in new[] { a, b }.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Contains(WorkflowResult.ConflictMessage, (await HtmlForms.ReadAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        }

        var payment = await _scenario.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        Assert.Single((await _scenario.RegistrationAsync(registrationId)).History, e => e.To == RegistrationStatus.PaymentConfirmed);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "已确认收费");
    }

    [Fact]
    public async Task Two_exam_officers_issuing_the_same_batch_at_once_give_each_candidate_one_ticket()
    {
        var (firstUser, _, _) = await _scenario.CandidateAsync();
        var first = await _scenario.PaymentConfirmedAsync(firstUser, "11");
        var (secondUser, _, _) = await _scenario.CandidateAsync();
        var second = await _scenario.PaymentConfirmedAsync(secondUser, "11");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        var batchId = await _scenario.BatchIdAsync(2);
        var one = await portal.AsAsync(Role.CentreExam);
        var two = await portal.AsAsync(Role.CentreExam);
        var url = $"/Centre/Tickets?BatchId={batchId}";
        var onePage = await one.GetDocumentAsync(url);
        var twoPage = await two.GetDocumentAsync(url);
        var auditsBefore = await TicketAuditsAsync();

        var (a, b) = await AtOnceAsync(
            () => one.SubmitAsync(onePage, TicketPdfs.FormOf(onePage, "#issue-tickets"), new Dictionary<string, string>()),
            () => two.SubmitAsync(twoPage, TicketPdfs.FormOf(twoPage, "#issue-tickets"), new Dictionary<string, string>()));

        var said = new[]
        {
            TicketPdfs.StatusMessage(await one.GetDocumentAsync(await a.RedirectedToAsync())),
            TicketPdfs.StatusMessage(await two.GetDocumentAsync(await b.RedirectedToAsync())),
        };
        Assert.Single(said, s => s.StartsWith("已发放准考证", StringComparison.Ordinal));
        Assert.Single(said, s => s.StartsWith("没有需要发放的准考证", StringComparison.Ordinal));
        Assert.Equal(2, (await _scenario.TicketsAsync([first, second])).Count);
        Assert.Equal(RegistrationStatus.TicketIssued, (await _scenario.RegistrationAsync(first)).Status);
        Assert.Single(await _scenario.MessagesAsync(firstUser), m => m.Title == "准考证已发放");
        Assert.Single(await _scenario.MessagesAsync(secondUser), m => m.Title == "准考证已发放");
        Assert.Equal(auditsBefore + 1, await TicketAuditsAsync());
    }

    [Fact]
    public async Task An_objection_raised_from_two_tabs_and_answered_by_two_officers_at_once_is_one_objection_with_one_answer()
    {
        var results = new ResultScenario(portal);
        var holder = await results.TicketHolderAsync("13", "并发异议人");
        await results.ScoresAsync([holder], "57");
        portal.Clock.SetNow(ResultScenario.InPublicity);
        var candidate = await results.CandidateClientAsync(holder);
        var own = $"/Candidate/Registrations/View/{holder.RegistrationId}";
        var tab1 = await candidate.GetDocumentAsync(own);
        var tab2 = await candidate.GetDocumentAsync(own);

        var (r1, r2) = await AtOnceAsync(
            () => candidate.SubmitAsync(tab1, "#objection-form", new Dictionary<string, string> { ["ObjectionText"] = "第1题评分有误，申请复核。" }),
            () => candidate.SubmitAsync(tab2, "#objection-form", new Dictionary<string, string> { ["ObjectionText"] = "第2题评分有误，申请复核。" }));

        var raised = new[] { r1, r2 };
        Assert.Single(raised, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = await HtmlForms.ReadAsync(raised.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains("您已提出的异议尚未答复", refused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var objection = Assert.Single(await results.ObjectionsAsync(holder.RegistrationId));
        Assert.Single(await _scenario.MessagesAsync(holder.UserId!), m => m.Title == "成绩异议已提交");

        var one = await results.ExamClientAsync();
        var two = await results.ExamClientAsync();
        var queueOne = await one.GetDocumentAsync("/Centre/Results/Objections");
        var queueTwo = await two.GetDocumentAsync("/Centre/Results/Objections");
        var (a1, a2) = await AtOnceAsync(
            () => one.SubmitAsync(queueOne, AnswerForm(queueOne, objection.Id), new Dictionary<string, string> { ["Answer"] = "经复核，成绩维持57分。" }),
            () => two.SubmitAsync(queueTwo, AnswerForm(queueTwo, objection.Id), new Dictionary<string, string> { ["Answer"] = "经复核，成绩维持原判。" }));

        var answered = new[] { a1, a2 };
        Assert.Single(answered, r => r.StatusCode == HttpStatusCode.Redirect);
        var late = await HtmlForms.ReadAsync(answered.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        Assert.Contains("该异议已答复", late.Body!.TextContent, StringComparison.Ordinal);
        var done = Assert.Single(await results.ObjectionsAsync(holder.RegistrationId));
        var message = Assert.Single(await _scenario.MessagesAsync(holder.UserId!), m => m.Title == "成绩异议已答复");
        Assert.Contains(done.Answer!, message.Body, StringComparison.Ordinal);
        Assert.Single(await results.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditTrail.ObjectionAnswered && e.RegistrationId == holder.RegistrationId).ToListAsync()));
    }

    [Fact]
    public async Task Two_officers_recording_the_same_certificate_collection_at_once_record_it_once()
    {
        var results = new ResultScenario(portal);
        var holder = await results.TicketHolderAsync("13", "并发领证人");
        await results.ScoresAsync([holder], "86");
        await results.CertificatesIssuedAsync();
        var certificate = (await results.CertificateAsync(holder.RegistrationId))!;
        portal.Clock.SetNow(ResultScenario.CollectionDay);
        var url = $"/Centre/Certificates?BatchId={ResultScenario.Text(await results.Batch2IdAsync())}&Search={certificate.Number}";
        var one = await results.ExamClientAsync();
        var two = await results.ExamClientAsync();
        var pageOne = await one.GetDocumentAsync(url);
        var pageTwo = await two.GetDocumentAsync(url);

        var (a, b) = await AtOnceAsync(
            () => one.SubmitAsync(pageOne, CollectForm(pageOne, certificate.Number), new Dictionary<string, string> { ["CollectedBy"] = "本人领取" }),
            () => two.SubmitAsync(pageTwo, CollectForm(pageTwo, certificate.Number), new Dictionary<string, string> { ["CollectedBy"] = "机构代领" }));

        var both = new[] { a, b };
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Redirect);
        var late = await HtmlForms.ReadAsync(both.Single(r => r.StatusCode != HttpStatusCode.Redirect));
        var collected = (await results.CertificateAsync(holder.RegistrationId))!;
        Assert.Contains($"该证书已于2026年6月9日由{collected.CollectedBy}领取", late.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(a.StatusCode == HttpStatusCode.Redirect ? "本人领取" : "机构代领", collected.CollectedBy);
        Assert.Single(await results.AuditAsync(AuditTrail.CertificateCollected, certificate.Number));
    }

    [Fact]
    public async Task Two_admins_editing_the_same_project_one_after_the_other_or_at_once_never_write_over_each_other()
    {
        var before = await portal.DbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Code == "20"));
        var url = $"/Centre/Admin/Projects/Edit/{before.Id}";
        var alice = await portal.AsAsync(Role.CentreAdmin);
        var bob = await portal.AsAsync(Role.CentreAdmin);
        try
        {
            var alicePage = await alice.GetDocumentAsync(url);
            var bobPage = await bob.GetDocumentAsync(url);
            var saved = await alice.SubmitAsync(alicePage, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = "110.00" });
            var stale = await bob.SubmitAsync(bobPage, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = "120.00" });

            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var bobSees = await HtmlForms.ReadAsync(stale);
            Assert.Contains(WorkflowResult.ConflictMessage, bobSees.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("120.00", bobSees.QuerySelector<IHtmlInputElement>("input[name='Input.Fee']")!.Value);
            Assert.Equal(110m, (await portal.DbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == before.Id))).Fee);

            var audits = (await portal.AuditAsync(AuditTrail.ProjectChanged, $"20 {before.Name}")).Count;
            var aliceAgain = await alice.GetDocumentAsync(url);
            var bobAgain = await bob.GetDocumentAsync(url);
            var (a, b) = await AtOnceAsync(
                () => alice.SubmitAsync(aliceAgain, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = "130.00" }),
                () => bob.SubmitAsync(bobAgain, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = "140.00" }));
            Assert.Single(new[] { a, b }, r => r.StatusCode == HttpStatusCode.Redirect);
            var loser = await HtmlForms.ReadAsync(a.StatusCode == HttpStatusCode.Redirect ? b : a);
            Assert.Contains(WorkflowResult.ConflictMessage, loser.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(a.StatusCode == HttpStatusCode.Redirect ? 130m : 140m, (await portal.DbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == before.Id))).Fee);
            Assert.Equal(audits + 1, (await portal.AuditAsync(AuditTrail.ProjectChanged, $"20 {before.Name}")).Count);
        }
        finally
        {
            await portal.DbAsync(db => db.Projects.Where(p => p.Id == before.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Fee, before.Fee).SetProperty(p => p.FeeIsProvisional, before.FeeIsProvisional)
                .SetProperty(p => p.IsActive, before.IsActive).SetProperty(p => p.Name, before.Name).SetProperty(p => p.Eligibility, before.Eligibility)));
        }
    }

    [Fact]
    public async Task Two_admins_editing_the_same_venue_never_write_over_each_other()
    {
        var alice = await portal.AsAsync(Role.CentreAdmin);
        var bob = await portal.AsAsync(Role.CentreAdmin);
        var list = await alice.GetDocumentAsync("/Centre/Admin/Venues");
        var editUrl = await (await alice.SubmitAsync(list, "#new-venue", new Dictionary<string, string>
        {
            ["Input.Name"] = $"并发考点{Guid.NewGuid():N}"[..12],
            ["Input.Address"] = "成都市并发路1号",
        })).RedirectedToAsync();
        var alicePage = await alice.GetDocumentAsync(editUrl);
        var bobPage = await bob.GetDocumentAsync(editUrl);

        var saved = await alice.SubmitAsync(alicePage, "#venue-form", new Dictionary<string, string> { ["Input.Address"] = "成都市并发路2号" });
        var stale = await bob.SubmitAsync(bobPage, "#venue-form", new Dictionary<string, string> { ["Input.Address"] = "成都市并发路3号" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bobSees = await HtmlForms.ReadAsync(stale);
        Assert.Contains(WorkflowResult.ConflictMessage, bobSees.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("成都市并发路3号", bobSees.QuerySelector<IHtmlInputElement>("input[name='Input.Address']")!.Value);
        var id = int.Parse(editUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("成都市并发路2号", await portal.DbAsync(db => db.Venues.Where(v => v.Id == id).Select(v => v.Address).SingleAsync()));

        // Told, Bob saves again from the same page: a deliberate choice, and it goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await bob.SubmitAsync(bobSees, "#venue-form", new Dictionary<string, string>())).StatusCode);
        Assert.Equal("成都市并发路3号", await portal.DbAsync(db => db.Venues.Where(v => v.Id == id).Select(v => v.Address).SingleAsync()));
    }

    [Fact]
    public async Task Two_admins_suspending_the_same_institution_at_once_suspend_it_once()
    {
        const string creditCode = "91510104MA6CCNC02X";
        var (_, _, institutionId) = await _scenario.InstitutionAsync(creditCode, "conc-suspend@one.example");
        var alice = await portal.AsAsync(Role.CentreAdmin);
        var bob = await portal.AsAsync(Role.CentreAdmin);
        var url = $"/Centre/Admin/Institutions/Details/{institutionId}";
        var alicePage = await alice.GetDocumentAsync(url);
        var bobPage = await bob.GetDocumentAsync(url);

        var (a, b) = await AtOnceAsync(
            () => alice.SubmitAsync(alicePage, "#suspend-form", new Dictionary<string, string> { ["Reason"] = "材料造假，暂停核查" }),
            () => bob.SubmitAsync(bobPage, "#suspend-form", new Dictionary<string, string> { ["Reason"] = "多次逾期未缴费" }));

        Assert.Single(new[] { a, b }, r => r.StatusCode == HttpStatusCode.Redirect);
        var late = await HtmlForms.ReadAsync(a.StatusCode == HttpStatusCode.Redirect ? b : a);
        Assert.Contains("该机构已处于暂停状态", late.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var reason = await portal.DbAsync(db => db.Institutions.Where(i => i.Id == institutionId).Select(i => i.SuspensionReason).SingleAsync());
        Assert.Equal(a.StatusCode == HttpStatusCode.Redirect ? "材料造假，暂停核查" : "多次逾期未缴费", reason);
        Assert.Single(await portal.AuditAsync(AuditTrail.InstitutionSuspended, creditCode));
    }

    /// <summary>Both requests are started before either is awaited, on the thread pool, so they reach the portal together.</summary>
    internal static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> AtOnceAsync(
        Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        var both = await Task.WhenAll(Task.Run(first), Task.Run(second));
        return (both[0], both[1]);
    }

    private static IHtmlFormElement AnswerForm(IDocument queue, Guid objectionId) =>
        (IHtmlFormElement)queue.QuerySelector($"[data-objection='{objectionId}'] form.answer-form")!;

    private static IHtmlFormElement CollectForm(IDocument page, string number) =>
        page.QuerySelector<IHtmlFormElement>($"#ledger tr[data-certificate='{number}'] form")!;

    private static IHtmlFormElement VersionForm(IDocument page) =>
        (IHtmlFormElement)page.QuerySelector("input[name='Version']")!.Closest("form")!;

    private static string Address(IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name='Input.Address']")?.Value
        ?? page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Address']")!.Value;

    private async Task<(string UserId, Guid RegistrationId, Guid PaymentId)> SubmittedPaymentAsync()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, _, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        return (userId, registrationId, await _scenario.PaymentSubmittedAsync(userId, registrationId, Scenario.Serial()));
    }

    private async Task<int> TicketAuditsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync(e => e.Action == AuditTrail.TicketsIssued);
    }
}
