using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>暂停报名机构: a suspended institution signs in and reads, but cannot submit or pay; the reason is shown to it.</summary>
[Collection(SharedPortal.Name)]
public sealed class InstitutionSuspensionTests(PortalFactory portal)
{
    private const string CreditCode = "91510104MA6CINST1X";
    private const string Reason = "年检材料未按期报送，请补齐后联系中心";
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_suspended_institution_cannot_submit_or_pay_sees_the_reason_and_may_again_once_reinstated()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync(CreditCode, "suspend@inst.example");
        var ids = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["暂停甲"]);
        var batchId = await _scenario.BatchIdAsync(2);
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var list = await admin.GetDocumentAsync($"/Centre/Admin/Institutions?Search={CreditCode}&Filter=Active");
        var row = Assert.Single(list.QuerySelectorAll("#institutions tbody tr"));
        Assert.Contains("正常", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelector("td[data-label='经办人数']")!.TextContent.Trim());
        var detailsUrl = row.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/Centre/Admin/Institutions/Details/{institutionId}", detailsUrl);
        var details = await admin.GetDocumentAsync(detailsUrl);
        Assert.Contains("suspend@inst.example", details.QuerySelector("#institution-staff")!.TextContent, StringComparison.Ordinal);

        var blank = await HtmlForms.ReadAsync(await admin.SubmitAsync(details, "#suspend-form", new Dictionary<string, string> { ["Reason"] = "  " }));
        Assert.Contains("请填写暂停的原因", CentreAdminSupport.Errors(blank), StringComparison.Ordinal);
        var tooLong = await HtmlForms.ReadAsync(await admin.SubmitAsync(details, "#suspend-form", new Dictionary<string, string> { ["Reason"] = new string('长', 501) }));
        Assert.Contains("不能超过500字", CentreAdminSupport.Errors(tooLong), StringComparison.Ordinal);
        Assert.Equal(501, tooLong.QuerySelector("#reason")!.TextContent.Length);
        await (await admin.SubmitAsync(details, "#suspend-form", new Dictionary<string, string> { ["Reason"] = Reason })).RedirectedToAsync();

        Assert.Contains(Reason, (await admin.GetDocumentAsync(detailsUrl)).QuerySelector("#standing")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await admin.GetDocumentAsync($"/Centre/Admin/Institutions?Search={CreditCode}&Filter=Suspended")).QuerySelectorAll("#institutions tbody tr"));
        Assert.Empty((await admin.GetDocumentAsync($"/Centre/Admin/Institutions?Search={CreditCode}&Filter=Active")).QuerySelectorAll("#institutions tbody tr"));
        Assert.Contains(await portal.AuditAsync(AuditTrail.InstitutionSuspended, CreditCode), e => e.Details.Contains(Reason, StringComparison.Ordinal));

        // The staff still sign in and read, with the reason on every page of their area.
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var staff = await portal.AsAsync("suspend@inst.example", Scenario.Password);
        Assert.Contains(Reason, (await staff.GetDocumentAsync("/Institution")).QuerySelector("#suspension-banner")!.TextContent, StringComparison.Ordinal);
        var payPage = await staff.GetDocumentAsync($"/Institution/Payments?BatchId={batchId}");
        Assert.Contains(Reason, payPage.QuerySelector("#suspension-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Reason, payPage.QuerySelector("#payment-suspended")!.TextContent, StringComparison.Ordinal);

        // The server refuses, whatever the page shows: a posted receipt is not even stored.
        var filesBefore = await portal.DbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerUserId == staffId));
        var posted = await HtmlForms.ReadAsync(await staff.UploadAsync(payPage, "#institution-payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg",
            new Dictionary<string, string> { ["Input.PayerName"] = "测试机构", ["Input.Amount"] = "100.00", ["Input.TransferDate"] = "2026-04-01", ["Input.BankSerialNumber"] = Scenario.Serial() }));
        Assert.Contains(Reason, CentreAdminSupport.Errors(posted), StringComparison.Ordinal);
        Assert.Equal(filesBefore, await portal.DbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerUserId == staffId)));
        var paid = await PayAsync(staffId, batchId, ids);
        Assert.False(paid.Succeeded);
        Assert.Contains(Reason, paid.Message, StringComparison.Ordinal);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var submitted = await SubmitAsync(staffId, institutionId, batchId);
        Assert.False(submitted.Succeeded);
        Assert.Contains(Reason, submitted.Message, StringComparison.Ordinal);

        var reinstate = await admin.GetDocumentAsync(detailsUrl);
        await (await admin.SubmitAsync(reinstate, "#reinstate-form", new Dictionary<string, string>())).RedirectedToAsync();

        Assert.Null((await staff.GetDocumentAsync("/Institution")).QuerySelector("#suspension-banner"));
        Assert.DoesNotContain(Reason, (await SubmitAsync(staffId, institutionId, batchId)).Message ?? string.Empty, StringComparison.Ordinal);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        Assert.True((await PayAsync(staffId, batchId, ids)).Succeeded);
        Assert.Contains(await portal.AuditAsync(AuditTrail.InstitutionReinstated, CreditCode), e => e.Details.Contains(Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public async Task Only_a_centre_admin_administers_institutions_staff_projects_and_venues(Role role)
    {
        var client = await portal.AsAsync(role);
        foreach (var url in new[] { "/Centre/Admin/Institutions", "/Centre/Admin/Institutions/Details/1", "/Centre/Admin/Accounts/New", "/Centre/Admin/Projects", "/Centre/Admin/Projects/Edit/1", "/Centre/Admin/Venues", "/Centre/Admin/Venues/Edit/1" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{role} reached {url}");
        }
    }

    private async Task<Web.Features.Registrations.WorkflowResult> PayAsync(string staffId, int batchId, List<Guid> ids)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<FileStore>().SaveAsync(staffId, "回单.jpg", "image/jpeg", Scenario.Receipt, CancellationToken.None);
        var fee = await portal.DbAsync(db => db.Projects.Where(p => p.Code == "17").Select(p => p.Fee).SingleAsync());
        return await scope.ServiceProvider.GetRequiredService<PaymentWorkflow>().SubmitInstitutionAsync(new Actor(staffId, Role.InstitutionStaff), batchId, ids,
            new PaymentClaim("测试机构对公账户", fee * ids.Count, portal.Clock.Today, Scenario.Serial(), PaidByOther: false), receipt, CancellationToken.None);
    }

    private async Task<Web.Features.Registrations.WorkflowResult> SubmitAsync(string staffId, int institutionId, int batchId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InstitutionWorkflow>()
            .SubmitAsync(new Actor(staffId, Role.InstitutionStaff), institutionId, batchId, commitmentAccepted: true, CancellationToken.None);
    }
}
