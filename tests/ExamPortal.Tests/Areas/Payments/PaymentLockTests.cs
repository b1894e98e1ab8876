using System.Text.Json;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>四川省职业技能鉴定指导中心缴费确认后，考生报名信息不予修改: every edit route says so and changes nothing.</summary>
[Collection(SharedPortal.Name)]
public sealed class PaymentLockTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task After_confirmation_every_candidate_edit_route_refuses_with_the_announcements_sentence_and_changes_nothing()
    {
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.PaymentConfirmedAsync(userId);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var before = await SnapshotAsync(id);
        var registration = await _scenario.RegistrationAsync(id);
        var photoFile = registration.DocumentIn(DocumentSlot.Photo)!.FileId;
        var scanFile = registration.DocumentIn(DocumentSlot.IdCardBack)!.FileId;
        var basePath = "/Candidate/Registrations";

        var details = await candidate.GetDocumentAsync($"{basePath}/Details/{id}");
        Assert.Contains("不能修改报名信息", details.Body!.TextContent, StringComparison.Ordinal);
        var scans = await candidate.GetDocumentAsync($"{basePath}/Scans/{id}");
        Assert.Null(scans.QuerySelector($"#scan-{DocumentSlot.IdCardBack}"));
        var photo = await candidate.GetDocumentAsync($"{basePath}/Photo/{id}");
        Assert.Null(photo.QuerySelector("#photo-upload"));
        var commitment = await candidate.GetDocumentAsync($"{basePath}/Commitment/{id}");
        Assert.Null(commitment.QuerySelector("#accepted"));

        var answers = new (string Route, HttpResponseMessage Response)[]
        {
            ("Details", await candidate.SubmitAsync(details, "form.card", new Dictionary<string, string> { ["Input.Address"] = "成都市锦江区改过的地址9号" })),
            ("Scans proof case", await candidate.SubmitAsync(scans, "#proof-case", new Dictionary<string, string> { ["proofCase"] = nameof(EducationProofCase.PersonalStatement) })),
            ("Scans upload", await candidate.PostWithTokenAsync(scans, $"{basePath}/Scans/{id}?handler=Upload", new Dictionary<string, string> { ["slot"] = nameof(DocumentSlot.IdCardBack) },
                ("upload", TestFiles.JpegBetween(215_000, 295_000, seed: 31), "back.jpg", "image/jpeg"))),
            ("Scans accept", await candidate.PostWithTokenAsync(scans, $"{basePath}/Scans/{id}?handler=Accept",
                new Dictionary<string, string> { ["pending"] = photoFile.ToString(), ["slot"] = nameof(DocumentSlot.IdCardBack) })),
            ("Photo upload", await candidate.PostWithTokenAsync(photo, $"{basePath}/Photo/{id}?handler=Upload", new Dictionary<string, string>(),
                ("upload", TestFiles.Jpeg(295, 413, 80, seed: 32), "photo.jpg", "image/jpeg"))),
            ("Photo accept", await candidate.PostWithTokenAsync(photo, $"{basePath}/Photo/{id}?handler=Accept", new Dictionary<string, string> { ["pending"] = scanFile.ToString() })),
            ("Commitment", await candidate.SubmitAsync(commitment, "form.card", new Dictionary<string, string> { ["Accepted"] = "true" })),
        };

        foreach (var (route, response) in answers)
        {
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode}");
            var page = await HtmlForms.ReadAsync(response);
            Assert.True(page.QuerySelector(".validation-summary")?.TextContent.Contains(Registration.LockedAfterPayment, StringComparison.Ordinal) == true,
                $"{route} did not say {Registration.LockedAfterPayment}");
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task After_confirmation_the_institution_cannot_edit_its_applicant()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CPAYD1X", "pay@locked.example");
        var id = (await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["锁定考生"]))[0];
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        await ConfirmInstitutionPaymentAsync(staffId, id);
        var staff = await portal.AsAsync("pay@locked.example", Scenario.Password);
        var before = await SnapshotAsync(id);

        var edit = await staff.GetDocumentAsync($"/Institution/Applicants/Edit/{id}");
        var response = await staff.SubmitAsync(edit, "#edit-applicant", new Dictionary<string, string> { ["Cells[1]"] = "改名考生", ["Cells[8]"] = "改过的学校" });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Registration.LockedAfterPayment, (await HtmlForms.ReadAsync(response)).QuerySelector(".validation-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Equal("锁定考生", (await _scenario.RegistrationAsync(id)).Details!.FullName);
    }

    private async Task ConfirmInstitutionPaymentAsync(string staffId, Guid registrationId)
    {
        Guid paymentId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var receipt = await scope.ServiceProvider.GetRequiredService<FileStore>().SaveAsync(staffId, "银行回单.jpg", "image/jpeg", Scenario.Receipt, CancellationToken.None);
            var registration = await _scenario.RegistrationAsync(registrationId);
            var submitted = await scope.ServiceProvider.GetRequiredService<PaymentWorkflow>().SubmitInstitutionAsync(new Actor(staffId, Role.InstitutionStaff), registration.BatchId,
                [registrationId], new PaymentClaim("测试机构D1X", 100m, portal.Clock.Today, Scenario.Serial(), PaidByOther: false), receipt, CancellationToken.None);
            Assert.True(submitted.Succeeded, submitted.Message);
            paymentId = submitted.RelatedId!.Value;
        }

        var confirmed = await _scenario.PaymentsAsync(w => w.ConfirmAsync(paymentId, _scenario.PaymentVersionOf(paymentId), Scenario.Finance, CancellationToken.None));
        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(registrationId)).Status);
    }

    /// <summary>Everything an edit could touch, as text: the row's version (xmin moves on any update), the form, the files and the trail.</summary>
    private async Task<string> SnapshotAsync(Guid id)
    {
        var r = await _scenario.RegistrationAsync(id);
        return JsonSerializer.Serialize(new
        {
            r.Version,
            r.Status,
            r.IdNumber,
            r.Details,
            r.CommitmentWording,
            r.CommitmentAcceptedAt,
            r.FirstReviewPassedAt,
            Documents = r.Documents.OrderBy(d => d.Slot).Select(d => $"{d.Slot}:{d.FileId}"),
            History = r.History.Count,
        });
    }
}
