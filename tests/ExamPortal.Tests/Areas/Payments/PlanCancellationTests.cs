using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>
/// Section 四's 10-registrant rule: counts once registration has closed, cancellation by a CentreAdmin with a reason, and
/// the registrant's one-click transfer. Plans of batch 2 that no other test registers for are used (05 and 07), and a
/// cancelled plan is reopened afterwards, because the database is shared.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PlanCancellationTests(PortalFactory portal)
{
    private static readonly DateTimeOffset AfterRegistrationClosed = new(2026, 3, 17, 10, 0, 0, ChinaTime.Offset);
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task An_admin_cancels_a_plan_under_ten_with_a_reason_and_its_registrants_transfer_to_the_next_batch()
    {
        const string Project = "05";
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (approvedUser, approvedMobile, _) = await _scenario.CandidateAsync();
        var approved = await _scenario.ApprovedInBatchAsync(approvedUser, projectCode: Project);
        var (submittedUser, submittedMobile, _) = await _scenario.CandidateAsync();
        var submitted = await _scenario.SubmittedAsync(submittedUser, projectCode: Project);
        var planId = await _scenario.PlanIdAsync(2, Project);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(AfterRegistrationClosed);
        try
        {
            var reviewer = await portal.AsAsync(Role.CentreReviewer);
            var counts = await reviewer.GetDocumentAsync($"/Centre/Plans?BatchId={batchId}");
            Assert.Null(counts.QuerySelector("#count-not-final"));
            var row = PlanRow(counts, planId);
            Assert.Equal("2", row.QuerySelector("td[data-label='报名人数']")!.TextContent.Trim());
            Assert.Contains("不足10人", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("overdue", row.ClassName, StringComparison.Ordinal);
            Assert.Null(row.QuerySelector("a[href*='/Admin/Plans/Cancel/']"));
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/Centre/Admin/Plans/Cancel/{planId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.AsAsync(Role.CentreFinance)).GetAsync($"/Centre/Admin/Plans/Cancel/{planId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostWithTokenAsync(counts, $"/Centre/Admin/Plans/Cancel/{planId}", new Dictionary<string, string> { ["Reason"] = "审核员越权" })).StatusCode);
            Assert.False(await IsCancelledAsync(planId));

            var admin = await portal.AsAsync(Role.CentreAdmin);
            var link = PlanRow(await admin.GetDocumentAsync($"/Centre/Plans?BatchId={batchId}"), planId).QuerySelector("a[href*='/Admin/Plans/Cancel/']")!.GetAttribute("href")!;
            var page = await admin.GetDocumentAsync(link);
            Assert.Equal("2", page.QuerySelector("#registrants")!.TextContent.Trim());
            var blank = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#cancel-plan-form", new Dictionary<string, string> { ["Reason"] = "" }));
            Assert.Contains("请填写取消原因", blank.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
            Assert.False(await IsCancelledAsync(planId));
            const string Reason = "本批次该项目报名人数不足10人，不组织考核";
            var cancelled = await admin.SubmitAsync(page, "#cancel-plan-form", new Dictionary<string, string> { ["Reason"] = Reason });

            Assert.Contains($"batchId={batchId}", await cancelled.RedirectedToAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.True(await IsCancelledAsync(planId));
            var first = await _scenario.RegistrationAsync(approved);
            var second = await _scenario.RegistrationAsync(submitted);
            Assert.Equal((RegistrationStatus.Cancelled, Reason, RegistrationStatus.Approved), (first.Status, first.CancelReason, first.CancelledFrom));
            Assert.Equal((RegistrationStatus.Cancelled, Reason, RegistrationStatus.Submitted), (second.Status, second.CancelReason, second.CancelledFrom));
            Assert.Single(await _scenario.MessagesAsync(approvedUser), m => m.Title == "考核计划取消" && m.Body.Contains(Reason, StringComparison.Ordinal));
            Assert.Single(await _scenario.MessagesAsync(submittedUser), m => m.Title == "考核计划取消");
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
                    .SingleAsync(a => a.Action == "ExamPlanCancelled" && a.Subject == $"ExamPlan:{planId}");
                Assert.Equal(nameof(Role.CentreAdmin), audit.ActorRole);
                Assert.Contains(Reason, audit.Details, StringComparison.Ordinal);
                Assert.Contains("报名2人", audit.Details, StringComparison.Ordinal);
            }

            Assert.Contains($"已取消：{Reason}", PlanRow(await admin.GetDocumentAsync($"/Centre/Plans?BatchId={batchId}"), planId).TextContent, StringComparison.Ordinal);

            // One click: the same project in batch 3 (registration 3/31–4/13), details and files kept, the approval too (保留审核结果 was ticked).
            var moved = await TransferAsync(approvedMobile, approved, first.Details!.FullName);
            Assert.Equal(RegistrationStatus.Approved, moved.Status);
            AssertCarried(first, moved);
            var redo = await TransferAsync(submittedMobile, submitted, second.Details!.FullName);
            Assert.Equal(RegistrationStatus.Draft, redo.Status);
            AssertCarried(second, redo);
            Assert.Single(await _scenario.MessagesAsync(approvedUser), m => m.Title == "已转入后续批次");
            var candidate = await portal.AsAsync(approvedMobile, Scenario.Password);
            var old = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{approved}");
            Assert.Null(old.QuerySelector("#transfer-form"));
            Assert.NotNull(old.QuerySelector($"a[href='/Candidate/Registrations/View/{moved.Id}']"));
        }
        finally
        {
            await ReopenAsync(planId);
        }
    }

    [Fact]
    public async Task A_plan_with_ten_registrants_cannot_be_cancelled()
    {
        const string Project = "07";
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var (userId, _, _) = await _scenario.CandidateAsync();
            ids.Add(await _scenario.SubmittedAsync(userId, projectCode: Project));
        }

        var planId = await _scenario.PlanIdAsync(2, Project);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(AfterRegistrationClosed);
        try
        {
            var admin = await portal.AsAsync(Role.CentreAdmin);
            var row = PlanRow(await admin.GetDocumentAsync($"/Centre/Plans?BatchId={batchId}"), planId);
            Assert.Equal("10", row.QuerySelector("td[data-label='报名人数']")!.TextContent.Trim());
            Assert.Contains("正常", row.TextContent, StringComparison.Ordinal);
            Assert.Null(row.QuerySelector("a[href*='/Admin/Plans/Cancel/']"));

            var page = await admin.GetDocumentAsync($"/Centre/Admin/Plans/Cancel/{planId}");
            var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#cancel-plan-form", new Dictionary<string, string> { ["Reason"] = "想取消" }));

            Assert.Contains("该考核计划有10人报名，已达10人，按公告应组织考核，不能取消", refused.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
            Assert.False(await IsCancelledAsync(planId));
            foreach (var id in ids)
            {
                Assert.Equal(RegistrationStatus.Submitted, (await _scenario.RegistrationAsync(id)).Status);
            }

            await using var scope = portal.Services.CreateAsyncScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AnyAsync(a => a.Subject == $"ExamPlan:{planId}"));
        }
        finally
        {
            await ReopenAsync(planId);
        }
    }

    private async Task<Registration> TransferAsync(string mobile, Guid from, string name)
    {
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var view = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{from}");
        Assert.Contains("考核计划", view.QuerySelector("#cancelled-notice")!.TextContent, StringComparison.Ordinal);
        var offer = view.QuerySelector("#transfer-form")!.TextContent;
        Assert.Contains("2026年第3批", offer, StringComparison.Ordinal);
        var response = await candidate.SubmitAsync(view, "#transfer-form", new Dictionary<string, string>());
        var location = await response.RedirectedToAsync();
        var id = Guid.Parse(location.Split('/')[^1]);
        var moved = await _scenario.RegistrationAsync(id);
        Assert.Equal((from, await _scenario.PlanIdAsync(3, "05")), (moved.TransferredFromId, moved.ExamPlanId));
        Assert.Equal(id, (await _scenario.RegistrationAsync(from)).TransferredToId);
        var page = await candidate.GetDocumentAsync(location);
        Assert.Contains(name, page.Body!.TextContent, StringComparison.Ordinal);
        return moved;
    }

    private static void AssertCarried(Registration from, Registration to)
    {
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(from.Details), System.Text.Json.JsonSerializer.Serialize(to.Details));
        Assert.Equal((from.IdNumber, from.CandidateUserId), (to.IdNumber, to.CandidateUserId));
        Assert.Equal(
            from.Documents.OrderBy(d => d.Slot).Select(d => (d.Slot, d.FileId)),
            to.Documents.OrderBy(d => d.Slot).Select(d => (d.Slot, d.FileId)));
        Assert.Equal(6, to.Documents.Count);
    }

    private static IElement PlanRow(IDocument page, int planId) => page.QuerySelector($"#plan-headcounts tr[data-plan='{planId}']")!;

    private async Task<bool> IsCancelledAsync(int planId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ExamPlans.Where(p => p.Id == planId).Select(p => p.CancelledAt != null).SingleAsync();
    }

    private async Task ReopenAsync(int planId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ExamPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.CancelledAt, (DateTimeOffset?)null)
            .SetProperty(p => p.CancelledByUserId, (string?)null)
            .SetProperty(p => p.CancellationReason, (string?)null)
            .SetProperty(p => p.CarryOverReview, false));
    }
}
