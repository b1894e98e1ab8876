using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Registrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Institution;

/// <summary>First review, submission under the institution's commitment, paper originals and the centre's 10 working days.</summary>
[Collection(SharedPortal.Name)]
public sealed class SubmissionTests(PortalFactory portal)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Applicants_pass_the_first_review_are_submitted_together_and_the_centre_sees_its_deadline()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, staffId, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM1X", "submit@one.example");
        var ids = await ImportAsync(staff, [ImportFixtures.Id(401), ImportFixtures.Id(402), ImportFixtures.Id(403)]);
        await AttachAllFilesAsync(staffId, ids[0]);
        await AttachAllFilesAsync(staffId, ids[1]);

        var incomplete = await staff.GetDocumentAsync($"/Institution/Applicants/Details/{ids[2]}");
        Assert.Contains("考生本人照片", incomplete.QuerySelector("#missing")!.TextContent, StringComparison.Ordinal);
        Assert.Null(incomplete.QuerySelector("#first-review"));
        foreach (var id in ids.Take(2))
        {
            var page = await staff.GetDocumentAsync($"/Institution/Applicants/Details/{id}");
            await (await staff.SubmitAsync(page, "#first-review", new Dictionary<string, string>())).RedirectedToAsync();
        }

        var submissions = await staff.GetDocumentAsync("/Institution/Submissions");
        var batchId = await BatchIdAsync(2);
        var unticked = await HtmlForms.ReadAsync(await staff.SubmitAsync(submissions, $"#submit-{batchId}", new Dictionary<string, string>()));
        Assert.Contains("勾选确认", unticked.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        await (await staff.SubmitAsync(unticked, $"#submit-{batchId}", new Dictionary<string, string> { ["commitmentAccepted"] = "true" })).RedirectedToAsync();

        Guid submissionId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var submission = await db.InstitutionSubmissions.SingleAsync(s => s.InstitutionId == institutionId);
            submissionId = submission.Id;
            Assert.Equal(2, submission.ApplicantCount);
            var statuses = await db.Registrations.Where(r => r.InstitutionId == institutionId).ToDictionaryAsync(r => r.Id, r => (r.Status, r.InstitutionSubmissionId));
            Assert.Equal((RegistrationStatus.Submitted, submission.Id), statuses[ids[0]]);
            Assert.Equal((RegistrationStatus.Draft, (Guid?)null), statuses[ids[2]]);
        }

        var listed = await staff.GetDocumentAsync("/Institution/Submissions");
        var rosterLink = listed.QuerySelectorAll("a").First(a => a.TextContent == "花名册PDF").GetAttribute("href")!;
        var roster = await staff.GetAsync(rosterLink);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await roster.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains("考核人员花名册", text, StringComparison.Ordinal);
            Assert.Contains(ImportFixtures.Id(401), text, StringComparison.Ordinal);
            Assert.DoesNotContain(ImportFixtures.Id(403), text, StringComparison.Ordinal);
        }

        var (intruder, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM5X", "submit@five.example");
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(rosterLink)).StatusCode);
        var commitment = await staff.GetAsync(listed.QuerySelectorAll("a").First(a => a.TextContent == "质量责任承诺书").GetAttribute("href"));
        Assert.Equal("application/pdf", commitment.Content.Headers.ContentType!.MediaType);
        var workbook = await staff.GetAsync(listed.QuerySelectorAll("a").First(a => a.TextContent == "花名册Excel").GetAttribute("href"));
        Assert.Equal(Xlsx, workbook.Content.Headers.ContentType!.MediaType);

        portal.Clock.SetNow(new DateTimeOffset(2026, 9, 30, 10, 0, 0, ChinaTime.Offset));
        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var centre = await reviewer.GetDocumentAsync($"/Centre/Submissions?BatchId={batchId}");
        var form = centre.QuerySelector($"#originals-{submissionId}")!;
        foreach (var impossible in new[] { "2026-10-05", "2026-03-09" })
        {
            var refused = await HtmlForms.ReadAsync(await reviewer.SubmitAsync(centre, $"#{form.Id}", new Dictionary<string, string> { ["receivedOn"] = impossible }));
            Assert.Contains("不早于提交日", refused.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        }

        await (await reviewer.SubmitAsync(centre, $"#{form.Id}", new Dictionary<string, string> { ["receivedOn"] = "2026-09-25" })).RedirectedToAsync();
        var recorded = await reviewer.GetDocumentAsync($"/Centre/Submissions?BatchId={batchId}");
        Assert.Contains("2026年10月15日", recorded.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("剩余7个工作日", recorded.Body.TextContent, StringComparison.Ordinal);

        portal.Clock.SetNow(new DateTimeOffset(2026, 10, 16, 10, 0, 0, ChinaTime.Offset));
        reviewer = await portal.AsAsync(Role.CentreReviewer);
        var queue = await reviewer.GetDocumentAsync($"/Centre/Reviews?BatchId={batchId}&Status=Submitted&Due=Overdue");
        var own = queue.QuerySelectorAll("tbody tr").Where(row => ids.Take(2).Any(id => row.QuerySelector($"a[href$='{id}']") is not null)).ToList();
        Assert.Equal(2, own.Count);
        Assert.All(own, row => Assert.Contains("已逾期1个工作日", row.QuerySelector("td.overdue")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_institutions_applicant_and_submission_documents_answer_404()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (owner, ownerId, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM2X", "submit@two.example");
        var (intruder, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM3X", "submit@three.example");
        var ids = await ImportAsync(owner, [ImportFixtures.Id(411)]);
        await AttachAllFilesAsync(ownerId, ids[0]);
        var fileId = await FirstFileAsync(ids[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/Institution/Applicants/Details/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/Institution/Files/{fileId}")).StatusCode);
        var page = await intruder.GetDocumentAsync("/Institution/Applicants");
        Assert.Contains("共 0 人", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Institution/Files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task A_zip_of_photos_and_scans_is_matched_by_ID_number_and_slot_and_hostile_zips_are_refused()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM4X", "submit@four.example");
        var ids = await ImportAsync(staff, [ImportFixtures.Id(421), ImportFixtures.Id(422)]);
        string complete = ImportFixtures.Id(421), partial = ImportFixtures.Id(422);
        var zip = Features.Attachments.ZipSamples.Zip(
            ($"{complete}_照片.jpg", Features.Attachments.ZipSamples.LargePhoto),
            ($"{complete}_个人申报表.jpg", Features.Attachments.ZipSamples.InWindowJpeg),
            ($"{complete}_个人诚信承诺书.jpg", Features.Attachments.ZipSamples.Scan199KB),
            ($"{complete}_学历证明.pdf", Features.Attachments.ZipSamples.InWindowPdf),
            ($"{complete}_身份证正面.jpg", Features.Attachments.ZipSamples.Scan301KB),
            ($"{complete.ToLowerInvariant()}_身份证反面.png", Features.Attachments.ZipSamples.InWindowPng),
            ($"{partial}_照片.jpg", Features.Attachments.ZipSamples.SmallPhoto),
            ($"{partial}_身份证正面.pdf", Features.Attachments.ZipSamples.Pdf150KB),
            ("备注.txt", Features.Attachments.ZipSamples.Bytes("说明")));

        var page = await staff.GetDocumentAsync("/Institution/Import/Attachments");
        var result = await HtmlForms.ReadAsync(await staff.UploadAsync(page, "#attachments-upload", "upload", zip, "材料.zip", "application/zip"));

        var rows = result.QuerySelectorAll("#attachments-result tbody tr");
        var partialRow = rows.Single(r => r.TextContent.Contains(partial[^4..], StringComparison.Ordinal)).TextContent;
        Assert.Contains("150.0KB", partialRow, StringComparison.Ordinal);
        Assert.Contains("个人申报表", partialRow, StringComparison.Ordinal);
        Assert.Contains("备注.txt", result.QuerySelector("#attachments-result")!.TextContent, StringComparison.Ordinal);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var documents = await db.Registrations.Where(r => ids.Contains(r.Id)).Include(r => r.Documents).ToDictionaryAsync(r => r.IdNumber, r => r.Documents.Count);
            Assert.Equal(6, documents[complete]);
            Assert.Equal(1, documents[partial]);
            var sizes = await db.StoredFiles.Where(f => db.Registrations.Any(r => r.IdNumber == complete && r.Documents.Any(d => d.FileId == f.Id))).Select(f => new { f.FileName, f.Length }).ToListAsync();
            Assert.True(sizes.Single(f => f.FileName.StartsWith("Photo", StringComparison.Ordinal)).Length < 51_200);
            Assert.All(sizes.Where(f => !f.FileName.StartsWith("Photo", StringComparison.Ordinal)), f => Assert.InRange(f.Length, 204_800, 307_200));
        }

        var evil = Features.Attachments.ZipSamples.Zip(("../evil.jpg", Features.Attachments.ZipSamples.SmallPhoto));
        var refused = await HtmlForms.ReadAsync(await staff.UploadAsync(await staff.GetDocumentAsync("/Institution/Import/Attachments"), "#attachments-upload", "upload", evil, "evil.zip", "application/zip"));
        Assert.Contains("evil.jpg", refused.QuerySelector("#attachments-result .notice-warn")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_applicant_form_applies_the_rules_of_the_sheet_and_keeps_what_was_typed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, _, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM6X", "submit@six.example");
        var page = await staff.GetDocumentAsync("/Institution/Applicants/New");
        var good = ImportFixtures.Id(431);
        var form = new Dictionary<string, string>
        {
            ["Cells[1]"] = "单独登记",
            ["Cells[2]"] = "居民身份证",
            ["Cells[3]"] = good[..^1] + (good[^1] == '0' ? '1' : '0'),
            ["Cells[6]"] = "13812345678",
            ["Cells[7]"] = "大学本科",
            ["Cells[12]"] = "碳排放交易",
            ["Cells[13]"] = "高中（或同等学历）及以上学历",
        };

        var refused = await HtmlForms.ReadAsync(await staff.SubmitAsync(page, "#single-applicant", form));
        Assert.Contains("校验", refused.QuerySelector("#cell-3-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("单独登记", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#cell-1")!.Value);
        form["Cells[3]"] = good;
        var created = await (await staff.SubmitAsync(refused, "#single-applicant", form)).RedirectedToAsync();

        Assert.StartsWith("/Institution/Applicants/Details/", created, StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.SingleAsync(r => r.InstitutionId == institutionId);
        Assert.Equal(("单独登记", RegistrationChannel.Institution), (registration.Details!.FullName, registration.Channel));
    }

    [Fact]
    public async Task A_returned_applicant_is_corrected_by_the_institution_reviewed_again_and_resubmitted()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, staffId, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CSUBM7X", "submit@seven.example");
        var id = (await ImportAsync(staff, [ImportFixtures.Id(441)]))[0];
        await AttachAllFilesAsync(staffId, id);
        await (await staff.SubmitAsync(await staff.GetDocumentAsync($"/Institution/Applicants/Details/{id}"), "#first-review", new Dictionary<string, string>())).RedirectedToAsync();
        var batchId = await BatchIdAsync(2);
        await (await staff.SubmitAsync(await staff.GetDocumentAsync("/Institution/Submissions"), $"#submit-{batchId}", new Dictionary<string, string> { ["commitmentAccepted"] = "true" })).RedirectedToAsync();
        var scenario = new Scenario(portal);
        var returned = await scenario.WorkflowAsync(w => w.ReturnAsync(id, scenario.VersionOf(id), new Actor("reviewer", Role.CentreReviewer), "文化程度填写有误", ["申报条件（文化程度、专业、职业）"], CancellationToken.None));
        Assert.True(returned.Succeeded, returned.Message);

        var details = await staff.GetDocumentAsync($"/Institution/Applicants/Details/{id}");
        Assert.Contains("文化程度填写有误", details.Body!.TextContent, StringComparison.Ordinal);
        var edit = await staff.GetDocumentAsync($"/Institution/Applicants/Edit/{id}");
        Assert.Equal("机构考生1", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#cell-1")!.Value);
        var refused = await HtmlForms.ReadAsync(await staff.SubmitAsync(edit, "#edit-applicant", new Dictionary<string, string> { ["Cells[7]"] = "初中及以下" }));
        Assert.Contains("文化程度", refused.QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        await (await staff.SubmitAsync(refused, "#edit-applicant", new Dictionary<string, string> { ["Cells[1]"] = "改名考生", ["Cells[7]"] = "大学专科" })).RedirectedToAsync();

        var changed = await scenario.RegistrationAsync(id);
        Assert.Equal(("改名考生", EducationLevel.JuniorCollege), (changed.Details!.FullName, changed.Details.Education));
        Assert.Null(changed.FirstReviewPassedAt);
        await (await staff.SubmitAsync(await staff.GetDocumentAsync($"/Institution/Applicants/Details/{id}"), "#first-review", new Dictionary<string, string>())).RedirectedToAsync();
        await (await staff.SubmitAsync(await staff.GetDocumentAsync("/Institution/Submissions"), $"#submit-{batchId}", new Dictionary<string, string> { ["commitmentAccepted"] = "true" })).RedirectedToAsync();
        var resubmitted = await scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Submitted, resubmitted.Status);
        Assert.Equal(RegistrationActions.Resubmitted, resubmitted.History.OrderBy(e => e.At).Last(e => e.From != e.To).Action);
    }

    private async Task<List<Guid>> ImportAsync(HttpClient staff, IReadOnlyList<string> idNumbers)
    {
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, .. idNumbers.Select((id, i) => new Applicant { IdNumber = id, Name = $"机构考生{i + 1}" }.Cells())]);
        var page = await staff.GetDocumentAsync("/Institution/Import");
        await (await staff.UploadAsync(page, "#import-upload", "upload", sheet, "名单.xlsx", Xlsx)).RedirectedToAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Registrations.Where(r => idNumbers.Contains(r.IdNumber)).OrderBy(r => r.IdNumber).Select(r => r.Id).ToListAsync();
    }

    private async Task AttachAllFilesAsync(string staffId, Guid registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var workflow = scope.ServiceProvider.GetRequiredService<RegistrationWorkflow>();
        foreach (var slot in DocumentSlots.Required)
        {
            var fileId = await files.SaveAsync(staffId, $"{slot}.jpg", "image/jpeg", TestFiles.Jpeg(200, 260, 80, (int)slot), CancellationToken.None);
            var attached = await workflow.AttachAsync(registrationId, new Actor(staffId, Role.InstitutionStaff), slot, fileId, CancellationToken.None);
            Assert.True(attached.Succeeded, attached.Message);
        }
    }

    private async Task<Guid> FirstFileAsync(Guid registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.Include(r => r.Documents).SingleAsync(r => r.Id == registrationId)).Documents[0].FileId;
    }

    private async Task<int> BatchIdAsync(int number)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.Where(b => b.Year == 2026 && b.Number == number).Select(b => b.Id).SingleAsync();
    }
}
