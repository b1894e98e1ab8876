using System.Net;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;

namespace ExamPortal.Tests.Areas.Candidate;

/// <summary>Each bad input of the individual channel, refused with a message that says what to change.</summary>
[Collection(SharedPortal.Name)]
public sealed class RegistrationRulesTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    private async Task<(HttpClient Client, string UserId)> SignedInCandidateAsync(DateOnly? birthDate = null)
    {
        var (userId, mobile, _) = await _scenario.CandidateAsync(birthDate);
        return (await portal.AsAsync(mobile, Scenario.Password), userId);
    }

    private static async Task<string> SubmitFromSummaryAsync(HttpClient client, Guid id)
    {
        var summary = await client.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");
        var form = summary.QuerySelector("main form");
        if (form is null)
        {
            return summary.QuerySelector(".notice-warn")?.TextContent ?? string.Empty;
        }

        var response = await client.SubmitAsync(summary, "main form", new Dictionary<string, string>());
        return response.StatusCode == HttpStatusCode.Redirect ? "redirected" : (await HtmlForms.ReadAsync(response)).QuerySelector(".validation-summary")!.TextContent;
    }

    [Fact]
    public async Task Under_16_on_the_day_of_submission_is_refused()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync(new DateOnly(2010, 3, 11));
        var id = await _scenario.ReadyDraftAsync(userId);

        var message = await SubmitFromSummaryAsync(client, id);

        Assert.Contains("法定劳动年龄", message, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Draft, (await _scenario.RegistrationAsync(id)).Status);
    }

    [Fact]
    public async Task Education_below_the_projects_minimum_is_refused_naming_the_rule()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId, projectCode: "06", education: EducationLevel.HighSchool);

        var summary = await client.GetDocumentAsync($"/Candidate/Registrations/Summary/{id}");
        var message = await SubmitFromSummaryAsync(client, id);

        Assert.Contains("大学专科", summary.QuerySelector(".notice-warn")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("大学专科", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_minute_of_the_window_is_open_and_the_next_minute_is_closed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (early, earlyUser) = await SignedInCandidateAsync();
        var (late, lateUser) = await SignedInCandidateAsync();
        var onTime = await _scenario.ReadyDraftAsync(earlyUser);
        var tooLate = await _scenario.ReadyDraftAsync(lateUser);

        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 16, 23, 59, 0, ChinaTime.Offset));
        Assert.Equal("redirected", await SubmitFromSummaryAsync(early, onTime));
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 17, 0, 0, 0, ChinaTime.Offset));
        var refused = await _scenario.WorkflowAsync(w => w.SubmitAsync(tooLate, _scenario.VersionOf(tooLate), new Actor(lateUser, Role.Candidate), CancellationToken.None));

        Assert.Equal(Web.Features.Registrations.WorkflowOutcome.Refused, refused.Outcome);
        Assert.Contains("3月16日", refused.Message, StringComparison.Ordinal);
        var newRegistration = await late.GetDocumentAsync("/Candidate/Registrations/New");
        Assert.Contains("不在报名期内", newRegistration.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_live_registration_per_person_per_batch_with_a_link_to_the_first()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var first = await _scenario.ReadyDraftAsync(userId, projectCode: "02");
        var planId = await _scenario.PlanIdAsync(2, "03");
        var page = await client.GetDocumentAsync("/Candidate/Registrations/New");

        var response = await client.SubmitAsync(page, $"#plan-{planId}", new Dictionary<string, string>());

        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains("同一批次只能报名一个项目", again.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector($"a[href='/Candidate/Registrations/View/{first}']"));
    }

    [Fact]
    public async Task A_rejected_registration_cannot_be_started_again_for_that_plan()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.SubmittedAsync(userId, projectCode: "04");
        var rejected = await _scenario.WorkflowAsync(w => w.RejectAsync(id, _scenario.VersionOf(id), new Actor("r", Role.CentreReviewer), "材料不实", CancellationToken.None));
        Assert.True(rejected.Succeeded, rejected.Message);
        var page = await client.GetDocumentAsync("/Candidate/Registrations/New");

        var response = await client.SubmitAsync(page, $"#plan-{await _scenario.PlanIdAsync(2, "04")}", new Dictionary<string, string>());

        Assert.Contains("不再受理", (await HtmlForms.ReadAsync(response)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_over_50KB_or_a_PNG_named_jpg_is_offered_a_fitted_version()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var sixtyKb = TestFiles.JpegBetween(60 * 1024, 70 * 1024);

        foreach (var (content, name) in new[] { (sixtyKb, "photo.jpg"), (TestFiles.Png(300, 420), "renamed.jpg") })
        {
            var page = await client.GetDocumentAsync($"/Candidate/Registrations/Photo/{id}");
            var offered = await client.UploadAsync(page, "#photo-upload", "upload", content, name, "image/jpeg");
            var preview = await client.GetDocumentAsync(await offered.RedirectedToAsync());
            var offer = preview.QuerySelector("#fit-offer")!.TextContent;
            Assert.Contains("295×413", offer, StringComparison.Ordinal);
            var fitted = await client.GetAsync(preview.QuerySelector("#fit-offer img")!.GetAttribute("src"));
            Assert.Equal("image/jpeg", fitted.Content.Headers.ContentType!.MediaType);
            Assert.True((await fitted.Content.ReadAsByteArrayAsync()).Length < 51_200);
        }
    }

    [Theory]
    [InlineData("executable.pdf", "application/pdf")]
    [InlineData("notes.jpg", "image/jpeg")]
    public async Task Files_that_are_not_what_they_claim_are_refused_by_content(string name, string contentType)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var fake = "MZ\u0090\0"u8.ToArray().Concat(new byte[210_000]).ToArray();
        var page = await client.GetDocumentAsync($"/Candidate/Registrations/Scans/{id}");

        var response = await client.UploadAsync(page, "#scan-IdCardFront", "upload", fake, name, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await HtmlForms.ReadAsync(response);
        Assert.Contains("身份证正面", again.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("jpg", again.QuerySelector(".validation-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(199)]
    [InlineData(301)]
    public async Task Scans_of_199KB_and_301KB_images_are_re_encoded_into_the_window(int kilobytes)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var image = TestFiles.PaddedJpeg(kilobytes * 1024);
        var page = await client.GetDocumentAsync($"/Candidate/Registrations/Scans/{id}");

        var offered = await client.UploadAsync(page, "#scan-IdCardFront", "upload", image, "front.jpg", "image/jpeg");
        var preview = await client.GetDocumentAsync(await offered.RedirectedToAsync());
        var reencoded = await (await client.GetAsync(preview.QuerySelector("#reencode-offer img")!.GetAttribute("src"))).Content.ReadAsByteArrayAsync();
        await client.SubmitAsync(preview, "#scan-accept", new Dictionary<string, string>());

        Assert.InRange(reencoded.Length, 204_800, 307_200);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.NotNull(registration.Documents.SingleOrDefault(d => d.Slot == DocumentSlot.IdCardFront));
    }

    [Fact]
    public async Task A_20MB_upload_is_cut_off_with_a_Chinese_message_and_nothing_is_lost()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var page = await client.GetDocumentAsync($"/Candidate/Registrations/Photo/{id}");

        // Like a browser that waits for the server's go-ahead: the refusal comes before the body is sent.
        var response = await client.UploadAsync(page, "#photo-upload", "upload", new byte[20 * 1024 * 1024], "huge.jpg", "image/jpeg", expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上传的文件过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(6, (await _scenario.RegistrationAsync(id)).Documents.Count);
    }

    [Fact]
    public async Task Another_candidates_registration_or_file_answers_404_and_reveals_nothing()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (_, ownerId) = await SignedInCandidateAsync();
        var (intruder, _) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(ownerId);
        var fileId = (await _scenario.RegistrationAsync(id)).Documents[0].FileId;

        foreach (var url in new[]
        {
            $"/Candidate/Registrations/View/{id}", $"/Candidate/Registrations/Details/{id}", $"/Candidate/Registrations/Photo/{id}",
            $"/Candidate/Registrations/Scans/{id}", $"/Candidate/Registrations/Commitment/{id}", $"/Candidate/Registrations/Summary/{id}",
            $"/Candidate/Registrations/Forms/{id}/ApplicationForm", $"/Candidate/Files/{fileId}", $"/Candidate/Registrations/Photo/{Guid.NewGuid()}?pending={fileId}",
        })
        {
            var response = await intruder.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("考生", (await response.Content.ReadAsStringAsync()).Split("<main")[^1].Split("</main>")[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_portal_fills_in_the_application_form_and_commitment_as_PDFs()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (client, userId) = await SignedInCandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var registration = await _scenario.RegistrationAsync(id);

        foreach (var (kind, title) in new[] { ("ApplicationForm", "个人申报表"), ("IntegrityCommitment", "个人诚信承诺书") })
        {
            var response = await client.GetAsync($"/Candidate/Registrations/Forms/{id}/{kind}");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains(registration.Details!.FullName, text, StringComparison.Ordinal);
            Assert.Contains(registration.IdNumber, text, StringComparison.Ordinal);
        }
    }
}
