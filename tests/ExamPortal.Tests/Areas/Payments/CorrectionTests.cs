using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>更正申请: the only way a locked registration's name or ID number changes, decided by a centre reviewer.</summary>
[Collection(SharedPortal.Name)]
public sealed class CorrectionTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Only_a_locked_registration_offers_a_correction_request()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var approved = await _scenario.ApprovedInBatchAsync(userId);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"/Candidate/Registrations/Correction/{approved}")).StatusCode);
        var view = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{approved}");
        var posted = await candidate.PostWithTokenAsync(view, $"/Candidate/Registrations/Correction/{approved}",
            new Dictionary<string, string> { ["FullName"] = "改名", ["Reason"] = "写错了" });

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CorrectionRequests.AnyAsync(c => c.RegistrationId == approved));
    }

    [Fact]
    public async Task An_approved_request_changes_name_and_ID_number_with_a_masked_trail_and_a_refusal_needs_a_note()
    {
        var (userId, mobile, oldNumber) = await _scenario.CandidateAsync();
        var id = await _scenario.PaymentConfirmedAsync(userId);
        var oldName = (await _scenario.RegistrationAsync(id)).Details!.FullName;
        var newNumber = IdNumbers.Resident("510109", new DateOnly(1992, 6, 15), 200 + (Environment.ProcessId % 700));
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        Assert.NotNull((await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}")).QuerySelector("#locked-notice a[href$='/Correction/" + id + "']"));
        var form = await candidate.GetDocumentAsync($"/Candidate/Registrations/Correction/{id}");
        Assert.Equal(oldNumber, form.QuerySelector<IHtmlInputElement>("#IdNumber")!.Value);

        var unchanged = await HtmlForms.ReadAsync(await candidate.SubmitAsync(form, "#correction-form", new Dictionary<string, string> { ["Reason"] = "录入错误" }));
        Assert.Contains("至少一项与现在不同", unchanged.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
        var sent = await candidate.SubmitAsync(form, "#correction-form", new Dictionary<string, string>
        {
            ["FullName"] = "更正后姓名",
            ["IdNumber"] = newNumber,
            ["Reason"] = "报名时证件号码和姓名录入错误",
        });

        Assert.EndsWith($"/Candidate/Registrations/View/{id}", await sent.RedirectedToAsync(), StringComparison.Ordinal);
        var pending = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}");
        Assert.Contains("待处理", pending.Body!.TextContent, StringComparison.Ordinal);
        var requested = Assert.Single((await _scenario.RegistrationAsync(id)).History, e => e.Action == RegistrationActions.CorrectionRequested);
        AssertMasked(requested.Note!, oldNumber, newNumber);

        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var queue = await reviewer.GetDocumentAsync("/Centre/Corrections");
        var request = await RequestIdAsync(id);
        var row = RowOf(queue, request);
        Assert.Contains($"姓名：{oldName}→更正后姓名", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(newNumber, row.TextContent, StringComparison.Ordinal);
        await (await reviewer.SubmitAsync(queue, FormOf(row), new Dictionary<string, string> { ["approve"] = "true" })).RedirectedToAsync();

        var corrected = await _scenario.RegistrationAsync(id);
        Assert.Equal(("更正后姓名", newNumber, RegistrationStatus.PaymentConfirmed), (corrected.Details!.FullName, corrected.IdNumber, corrected.Status));
        Assert.Equal(new DateOnly(1992, 6, 15), corrected.Details.BirthDate);
        var applied = Assert.Single(corrected.History, e => e.Action == RegistrationActions.CorrectionApproved);
        AssertMasked(applied.Note!, oldNumber, newNumber);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "更正申请已通过" && m.Body.Contains("更正后姓名", StringComparison.Ordinal));
        Assert.Contains("已通过", (await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}")).Body!.TextContent, StringComparison.Ordinal);

        // A second request, refused: without a note the reviewer is asked for one and nothing is decided.
        form = await candidate.GetDocumentAsync($"/Candidate/Registrations/Correction/{id}");
        await (await candidate.SubmitAsync(form, "#correction-form", new Dictionary<string, string> { ["FullName"] = "再次改名", ["Reason"] = "想换个名字" })).RedirectedToAsync();
        var second = await RequestIdAsync(id, CorrectionStatus.Pending);
        queue = await reviewer.GetDocumentAsync("/Centre/Corrections");
        var noNote = await HtmlForms.ReadAsync(await reviewer.SubmitAsync(queue, FormOf(RowOf(queue, second)), new Dictionary<string, string> { ["approve"] = "false", ["note"] = " " }));
        Assert.Contains("请填写不予更正的原因", noNote.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.Pending, await StatusOfAsync(second));

        await (await reviewer.SubmitAsync(noNote, FormOf(RowOf(noNote, second)), new Dictionary<string, string> { ["approve"] = "false", ["note"] = "姓名与身份证一致，无需更正" })).RedirectedToAsync();

        Assert.Equal(CorrectionStatus.Refused, await StatusOfAsync(second));
        var kept = await _scenario.RegistrationAsync(id);
        Assert.Equal("更正后姓名", kept.Details!.FullName);
        Assert.Contains("姓名与身份证一致", Assert.Single(kept.History, e => e.Action == RegistrationActions.CorrectionRefused).Note, StringComparison.Ordinal);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "更正申请未通过" && m.Body.Contains("姓名与身份证一致，无需更正", StringComparison.Ordinal));
    }

    private static void AssertMasked(string note, string oldNumber, string newNumber)
    {
        Assert.Contains($"{IdentityNumber.Mask(oldNumber)}→{IdentityNumber.Mask(newNumber)}", note, StringComparison.Ordinal);
        Assert.DoesNotContain(oldNumber, note, StringComparison.Ordinal);
        Assert.DoesNotContain(newNumber, note, StringComparison.Ordinal);
    }

    private static IElement RowOf(IDocument queue, Guid requestId) =>
        queue.QuerySelectorAll("#corrections tbody tr").Single(r => r.QuerySelector<IHtmlInputElement>("input[name='requestId']")!.Value == requestId.ToString());

    private static IHtmlFormElement FormOf(IElement row) => row.QuerySelector<IHtmlFormElement>("form")!;

    private async Task<Guid> RequestIdAsync(Guid registrationId, CorrectionStatus? status = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CorrectionRequests
            .Where(c => c.RegistrationId == registrationId && (status == null || c.Status == status)).OrderByDescending(c => c.RequestedAt).Select(c => c.Id).FirstAsync();
    }

    private async Task<CorrectionStatus> StatusOfAsync(Guid requestId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CorrectionRequests.Where(c => c.Id == requestId).Select(c => c.Status).SingleAsync();
    }
}
