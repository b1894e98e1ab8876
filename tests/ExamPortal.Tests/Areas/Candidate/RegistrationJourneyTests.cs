using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Tests.Areas.Candidate;

/// <summary>The individual channel end to end, through real forms with their antiforgery tokens.</summary>
[Collection(SharedPortal.Name)]
public sealed class RegistrationJourneyTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task Sign_up_draft_photo_scans_submit_return_fix_resubmit_approve()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var candidate = portal.CreateBrowserlessClient();
        var idNumber = IdNumbers.Resident("510107", new DateOnly(1996, 5, 4), 321);
        var signUp = await candidate.GetDocumentAsync("/Account/SignUp");
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.SubmitAsync(signUp, "form.card", new Dictionary<string, string>
        {
            ["Input.FullName"] = "赵六",
            ["Input.IdNumber"] = idNumber,
            ["Input.Mobile"] = "13655550001",
            ["Input.Password"] = Scenario.Password,
            ["Input.ConfirmPassword"] = Scenario.Password,
        })).StatusCode);

        var planId = await _scenario.PlanIdAsync(2, "01");
        var choose = await candidate.GetDocumentAsync("/Candidate/Registrations/New");
        var started = await candidate.SubmitAsync(choose, $"#plan-{planId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);

        var details = await candidate.GetDocumentAsync($"/Candidate/Registrations/Details/{id}");
        Assert.Equal("赵六", details.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#fullName")!.Value);
        var saved = await candidate.SubmitAsync(details, "form.card", new Dictionary<string, string>
        {
            ["Input.Education"] = "Bachelor",
            ["Input.Address"] = "成都市武侯区人民南路四段1号",
            ["Input.School"] = "四川大学",
            ["Input.Major"] = "统计学",
            ["Input.Declarations"] = "具有计算机操作能力",
        });
        Assert.EndsWith($"/Candidate/Registrations/Photo/{id}", await saved.RedirectedToAsync(), StringComparison.Ordinal);

        var phonePhoto = TestFiles.Jpeg(1200, 1600, 95);
        Assert.True(phonePhoto.Length > UploadRules.PhotoMaxBytes);
        var photoPage = await candidate.GetDocumentAsync($"/Candidate/Registrations/Photo/{id}");
        var offered = await candidate.UploadAsync(photoPage, "#photo-upload", "upload", phonePhoto, "IMG_0001.jpg", "image/jpeg");
        var preview = await candidate.GetDocumentAsync(await offered.RedirectedToAsync());
        Assert.Contains("295×413", preview.QuerySelector("#fit-offer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.SubmitAsync(preview, "#photo-accept", new Dictionary<string, string>())).StatusCode);

        var scans = await candidate.GetDocumentAsync($"/Candidate/Registrations/Scans/{id}");
        await candidate.SubmitAsync(scans, "#proof-case", new Dictionary<string, string> { ["proofCase"] = "GraduationCertificate" });
        await UploadScanAsync(candidate, id, DocumentSlot.ApplicationForm, TestFiles.JpegBetween(215_000, 295_000, seed: 11));
        await UploadScanAsync(candidate, id, DocumentSlot.IntegrityCommitment, TestFiles.JpegBetween(215_000, 295_000, seed: 12));
        await UploadScanAsync(candidate, id, DocumentSlot.EducationProof, TestFiles.JpegBetween(215_000, 295_000, seed: 13));
        await UploadScanAsync(candidate, id, DocumentSlot.IdCardFront, TestFiles.JpegBetween(215_000, 295_000, seed: 14));
        await UploadScanAsync(candidate, id, DocumentSlot.IdCardBack, TestFiles.JpegBetween(215_000, 295_000, seed: 15));

        var commitment = await candidate.GetDocumentAsync($"/Candidate/Registrations/Commitment/{id}");
        await candidate.SubmitAsync(commitment, "form.card", new Dictionary<string, string> { ["Accepted"] = "true" });
        var summary = await candidate.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");
        Assert.Null(summary.QuerySelector("#missing"));
        var submitted = await candidate.SubmitAsync(summary, "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(RegistrationStatus.Submitted, (await _scenario.RegistrationAsync(id)).Status);

        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var review = await reviewer.GetDocumentAsync($"/Centre/Reviews/Review/{id}");
        await reviewer.SubmitAsync(review, "form[action*='handler=Return']", new Dictionary<string, string>
        {
            ["Input.Reason"] = "身份证反面模糊，请重新扫描",
            ["Input.Items"] = "身份证反面",
        });

        var home = await candidate.GetDocumentAsync("/Candidate/Registrations");
        Assert.Contains("消息（2）", home.QuerySelector("#messages-link")!.TextContent, StringComparison.Ordinal);
        var messages = await candidate.GetDocumentAsync("/Candidate/Messages");
        Assert.Contains("身份证反面模糊", messages.Body!.TextContent, StringComparison.Ordinal);
        var view = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}");
        Assert.Equal("退回修改", view.QuerySelector("#registration-status")!.TextContent.Trim());

        await UploadScanAsync(candidate, id, DocumentSlot.IdCardBack, TestFiles.JpegBetween(215_000, 295_000, seed: 16));
        var fixedSummary = await candidate.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");
        Assert.Equal("重新提交", fixedSummary.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.SubmitAsync(fixedSummary, "main form", new Dictionary<string, string>())).StatusCode);

        review = await reviewer.GetDocumentAsync($"/Centre/Reviews/Review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(review, "form[action*='handler=Approve']", new Dictionary<string, string>())).StatusCode);

        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Approved, registration.Status);
        Assert.Equal(
            [RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Returned, RegistrationStatus.Submitted, RegistrationStatus.Approved],
            registration.History.OrderBy(e => e.At).Select(e => e.To));
        var trail = await reviewer.GetDocumentAsync($"/Centre/Reviews/Review/{id}");
        Assert.Contains("身份证反面模糊", trail.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("审核通过", (await candidate.GetDocumentAsync("/Candidate/Messages")).Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task UploadScanAsync(HttpClient candidate, Guid id, DocumentSlot slot, byte[] content)
    {
        var page = await candidate.GetDocumentAsync($"/Candidate/Registrations/Scans/{id}");
        var response = await candidate.UploadAsync(page, $"#scan-{slot}", "upload", content, $"{slot}.jpg", "image/jpeg");
        Assert.DoesNotContain("pending", await response.RedirectedToAsync(), StringComparison.Ordinal);
    }

    internal static IElement Errors(IDocument page) => page.QuerySelector(".validation-summary")!;
}
