using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>考核项目管理: fee, name, active or not and the eligibility rule's parameters, validated and audited.</summary>
[Collection(SharedPortal.Name)]
public sealed class ProjectAdministrationTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_new_fee_is_confirmed_and_audited_and_leaves_a_submitted_payment_as_it_was()
    {
        // Project 15 (碳会计处理) is used by no other test, which read fees as seeded.
        var (userId, _, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedAsync(userId, "15");
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var paymentId = await _scenario.PaymentSubmittedAsync(userId, registrationId, Scenario.Serial());
        var project = await ProjectAsync("15");
        var admin = await portal.AsAsync(Role.CentreAdmin);
        try
        {
            var page = await admin.GetDocumentAsync($"/Centre/Admin/Projects/Edit/{project.Id}");
            Assert.Equal("100.00", page.QuerySelector<IHtmlInputElement>("input[name='Input.Fee']")!.Value);

            foreach (var (fee, message) in new[] { ("0", "大于0"), ("12.345", "两位小数"), ("一百", "大于0") })
            {
                var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = fee }));
                Assert.Contains(message, CentreAdminSupport.Errors(refused), StringComparison.Ordinal);
                Assert.Equal(fee, refused.QuerySelector<IHtmlInputElement>("input[name='Input.Fee']")!.Value);
            }

            await (await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string> { ["Input.Fee"] = "123.45" })).RedirectedToAsync();

            var changed = await ProjectAsync("15");
            Assert.Equal((123.45m, false), (changed.Fee, changed.FeeIsProvisional));
            var payment = await _scenario.PaymentAsync(paymentId);
            Assert.Equal((100m, 100m), (payment.Amount, payment.ExpectedAmount));
            Assert.Single(await portal.AuditAsync(AuditTrail.ProjectChanged, "15 碳会计处理"), e => e.Details == "考核费：¥100.00（暂定）→¥123.45");
            Assert.Contains("¥123.45", (await admin.GetDocumentAsync("/Centre/Admin/Projects")).QuerySelector("#projects")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await RestoreAsync(project);
        }
    }

    [Fact]
    public async Task Rule_parameters_are_validated_an_inactive_project_is_no_longer_offered_and_each_change_is_audited()
    {
        // Project 19 (心理健康指导) has a major list (shown, not editable) and an occupation list; no other test registers for it.
        var project = await ProjectAsync("19");
        var admin = await portal.AsAsync(Role.CentreAdmin);
        try
        {
            var page = await admin.GetDocumentAsync($"/Centre/Admin/Projects/Edit/{project.Id}");
            Assert.Contains("心理学类", page.QuerySelector("fieldset[data-path='0']")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("fieldset[data-path='0'] textarea"));

            var badAge = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string> { ["Input.MinimumAge"] = "12" }));
            Assert.Contains("最低年龄请填写16到60之间的整数", CentreAdminSupport.Errors(badAge), StringComparison.Ordinal);
            var noOccupation = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string> { ["Input.Paths[1].Occupations"] = " \n " }));
            Assert.Contains("申报条件2：请至少填写一个相关职业", CentreAdminSupport.Errors(noOccupation), StringComparison.Ordinal);
            var noName = await HtmlForms.ReadAsync(await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string> { ["Input.Name"] = "" }));
            Assert.Contains("请填写项目名称", CentreAdminSupport.Errors(noName), StringComparison.Ordinal);

            var saved = await admin.SubmitAsync(page, "#project-form", new Dictionary<string, string>
            {
                ["Input.MinimumAge"] = "18",
                ["Input.Paths[1].Occupations"] = "心理咨询师\n社会工作者\n辅导员",
                ["Input.IsActive"] = "false",
            });
            await saved.RedirectedToAsync();

            var changed = await ProjectAsync("19");
            Assert.False(changed.IsActive);
            Assert.Equal(18, changed.Eligibility.MinimumAge);
            Assert.Equal(["心理咨询师", "社会工作者", "辅导员"], changed.Eligibility.Paths[1].Occupations);
            Assert.Equal(project.Eligibility.Paths[0].Majors, changed.Eligibility.Paths[0].Majors);
            var audit = Assert.Single(await portal.AuditAsync(AuditTrail.ProjectChanged, "19 心理健康指导"));
            Assert.Contains("状态：在用→停用", audit.Details, StringComparison.Ordinal);
            Assert.Contains("年满16周岁", audit.Details, StringComparison.Ordinal);
            Assert.Contains("年满18周岁", audit.Details, StringComparison.Ordinal);
            Assert.DoesNotContain("心理健康指导", (await portal.CreateBrowserlessClient().GetDocumentAsync("/Catalogue")).Body!.TextContent, StringComparison.Ordinal);
            var (userId, _, _) = await _scenario.CandidateAsync();
            portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
            var planId = await _scenario.PlanIdAsync(2, "19");
            var started = await _scenario.WorkflowAsync(w => w.StartAsync(new Actor(userId, Role.Candidate), planId, CancellationToken.None));
            Assert.False(started.Succeeded);
        }
        finally
        {
            await RestoreAsync(project);
        }
    }

    private Task<Project> ProjectAsync(string code) => portal.DbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Code == code));

    private Task<int> RestoreAsync(Project before) =>
        portal.DbAsync(db => db.Projects.Where(p => p.Id == before.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Fee, before.Fee).SetProperty(p => p.FeeIsProvisional, before.FeeIsProvisional)
            .SetProperty(p => p.IsActive, before.IsActive).SetProperty(p => p.Name, before.Name).SetProperty(p => p.Eligibility, before.Eligibility)));
}
