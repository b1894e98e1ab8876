using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Areas.Candidate.Pages.Registrations;
using ExamPortal.Web.Areas.Institution.Pages.Submissions;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas;

/// <summary>
/// Object-level access: a candidate or institution asking for another's registration, file, payment receipt, ticket,
/// certificate, import or submission by its id gets 404 and not one byte of it. Which routes take an id is read from
/// the endpoint data; each must be listed in <see cref="IdInputs"/> with the test that covers it.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ObjectAccessTests(PortalFactory portal)
{
    /// <summary>
    /// Every id a Candidate, Institution or public page reads (route value, handler parameter or bound property ending in
    /// "id", or a pending upload), with what it names and how ownership is proved. Centre pages are left out: every
    /// object is the centre's, and who at the centre may use a page is AuthorizationMatrix's business.
    /// </summary>
    private static readonly Dictionary<string, string> IdInputs = new(StringComparer.Ordinal)
    {
        ["/Candidate/Files/Index id"] = "stored file: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Commitment id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Correction id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Details id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Forms id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Payment id"] = "registration and its payment: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Photo id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Photo pending"] = "stored file taken as one's own photo: Another_candidates_file_cannot_be_attached_to_ones_own_registration",
        ["/Candidate/Registrations/Scans id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/Scans pending"] = "stored file taken as one's own scan: Another_candidates_file_cannot_be_attached_to_ones_own_registration",
        ["/Candidate/Registrations/Summary id"] = "registration: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/View id"] = "registration, its ticket and certificate: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/View linkId"] = "share link, reached only through the registration id: Another_candidate_gets_404_and_no_byte",
        ["/Candidate/Registrations/New planId"] = "exam plan: public catalogue data, no owner",
        ["/Institution/Applicants/Details id"] = "registration: Another_institution_gets_404_and_no_byte",
        ["/Institution/Applicants/Edit id"] = "registration: Another_institution_gets_404_and_no_byte",
        ["/Institution/Files/Index id"] = "stored file: Another_institution_gets_404_and_no_byte",
        ["/Institution/Import/Result id"] = "import: Another_institution_gets_404_and_no_byte",
        ["/Institution/Submissions/Index id"] = "submission documents: Another_institution_gets_404_and_no_byte",
        ["/Institution/Submissions/Index batchId"] = "batch: public calendar data, no owner",
        ["/Institution/Applicants/Index BatchId"] = "batch: public calendar data; the list is filtered by the caller's institution",
        ["/Institution/Applicants/New BatchId"] = "batch: public calendar data, no owner",
        ["/Institution/Certificates/Index BatchId"] = "batch: public calendar data; the list is filtered by the caller's institution",
        ["/Institution/Import/Attachments BatchId"] = "batch: public calendar data, no owner",
        ["/Institution/Import/Index BatchId"] = "batch: public calendar data, no owner",
        ["/Institution/Payments/Index BatchId"] = "batch: public calendar data; the list is filtered by the caller's institution",
        ["/Institution/Tickets/Index BatchId"] = "batch: public calendar data; the tickets are filtered by the caller's institution",
        ["/Results/Index BatchId"] = "batch: published results are public (masked)",
        ["/Account/ResetPassword UserId"] = "staff account in a reset link: does nothing without the emailed one-time reset token",
        ["/Institution/Certificates/Index certificateId"] = "certificate: Another_institution_gets_404_and_no_byte",
        ["/Institution/Tickets/Index ticketId"] = "ticket: Another_institution_gets_404_and_no_byte",
        ["/Institution/Staff/Index userId"] = "staff account: Another_institution_gets_404_and_no_byte",
        ["/Institutions/Status id"] = "institution application: the unguessable id is the applicant's receipt, shown only to the applicant",
    };

    [Fact]
    public async Task Every_id_a_candidate_institution_or_public_page_reads_is_listed_with_its_test()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in (await PortalEndpoints.PagesAsync(portal.Services)).Where(p => p.Area != "Centre"))
        {
            var inputs = page.RouteParameters
                .Concat(page.Compiled.HandlerMethods.SelectMany(h => h.Parameters).Select(p => p.Name))
                .Concat(page.Compiled.BoundProperties.Select(p => p.Name))
                .Where(name => name.EndsWith("id", StringComparison.OrdinalIgnoreCase) || name == "pending");
            foreach (var input in inputs)
            {
                found.Add($"{page.Key} {input}");
            }
        }

        var unlisted = found.Where(k => !IdInputs.ContainsKey(k)).ToList();
        var stale = IdInputs.Keys.Where(k => !found.Contains(k)).ToList();
        Assert.True(unlisted.Count == 0, $"ids read without an entry in IdInputs: {string.Join(", ", unlisted)}");
        Assert.True(stale.Count == 0, $"IdInputs entries no page reads: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Another_candidate_gets_404_and_no_byte()
    {
        var results = new ResultScenario(portal);
        var owner = await results.TicketHolderAsync("17", "司马越权");
        await results.ScoresAsync([owner], "88");
        await results.CertificatesIssuedAsync();
        var certificate = await results.CertificateAsync(owner.RegistrationId);
        Assert.NotNull(certificate);
        var files = await FilesOwnedByAsync(owner.UserId!);
        Assert.True(files.Count >= 7, $"the owner should have six documents and a receipt, has {files.Count}");
        var ownerClient = await results.CandidateClientAsync(owner);
        Assert.Contains(owner.FullName, await ownerClient.GetStringAsync($"/Candidate/Registrations/View/{owner.RegistrationId}"), StringComparison.Ordinal);
        Assert.Equal(files[0].Content, await ownerClient.GetByteArrayAsync($"/Candidate/Files/{files[0].Id}"));
        var before = await new Scenario(portal).RegistrationAsync(owner.RegistrationId);

        var intruder = await SignedInCandidateAsync();
        var token = await intruder.GetDocumentAsync("/Candidate");
        var failures = new List<string>();
        var tried = 0;
        foreach (var page in (await PortalEndpoints.PagesAsync(portal.Services)).Where(p => p.Key.StartsWith("/Candidate/Registrations/", StringComparison.Ordinal) && p.RouteParameters.Contains("id")))
        {
            var url = page.Url.Replace(page.Url.Split('/')[4], owner.RegistrationId.ToString(), StringComparison.Ordinal);
            foreach (var handler in page.Handlers)
            {
                var urls = page.Key.EndsWith("/Forms", StringComparison.Ordinal)
                    ? Enum.GetNames<FormKind>().Select(kind => $"/Candidate/Registrations/Forms/{owner.RegistrationId}/{kind}")
                    : [handler.Url(url)];
                foreach (var target in urls)
                {
                    var response = handler.IsPost
                        ? await intruder.PostWithTokenAsync(token, target, new Dictionary<string, string> { ["linkId"] = Guid.NewGuid().ToString() })
                        : await intruder.GetAsync(target);
                    await ExpectNothingAsync(response, $"{handler.Method} {target}", failures, owner.FullName, owner.IdNumber, owner.TicketNumber, certificate.Number);
                    tried++;
                }
            }
        }

        foreach (var file in files)
        {
            await ExpectNothingAsync(await intruder.GetAsync($"/Candidate/Files/{file.Id}"), $"GET file {file.FileName}", failures, Slice(file.Content));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(tried >= 25, $"only {tried} requests on the owner's registration");
        var after = await new Scenario(portal).RegistrationAsync(owner.RegistrationId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Status, after.Status);
    }

    [Fact]
    public async Task Another_candidates_file_cannot_be_attached_to_ones_own_registration()
    {
        var scenario = new Scenario(portal);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (ownerId, _, _) = await scenario.CandidateAsync();
        await scenario.ReadyDraftAsync(ownerId);
        var ownerPhoto = (await FilesOwnedByAsync(ownerId)).First(f => f.FileName.StartsWith("Photo", StringComparison.Ordinal));
        var (intruderId, mobile, _) = await scenario.CandidateAsync();
        var own = await scenario.ReadyDraftAsync(intruderId);
        var intruder = await portal.AsAsync(mobile, Scenario.Password);
        var token = await intruder.GetDocumentAsync("/Candidate");

        var photo = await intruder.PostWithTokenAsync(token, $"/Candidate/Registrations/Photo/{own}?handler=Accept", new Dictionary<string, string> { ["pending"] = ownerPhoto.Id.ToString() });
        var scan = await intruder.PostWithTokenAsync(token, $"/Candidate/Registrations/Scans/{own}?handler=Accept",
            new Dictionary<string, string> { ["pending"] = ownerPhoto.Id.ToString(), ["slot"] = "IdCardFront" });

        Assert.Equal(HttpStatusCode.NotFound, photo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, scan.StatusCode);
        Assert.DoesNotContain((await scenario.RegistrationAsync(own)).Documents, d => d.FileId == ownerPhoto.Id);
    }

    [Fact]
    public async Task Another_institution_gets_404_and_no_byte()
    {
        var results = new ResultScenario(portal);
        var code = UniqueCreditCode();
        var (institutionId, staffId, holders) = await results.InstitutionTicketHoldersAsync(code, $"owner-{code}@inst.example", ["欧阳越权"]);
        var holder = holders[0];
        await results.ScoresAsync(holders, "91");
        await results.CertificatesIssuedAsync();
        var certificate = await results.CertificateAsync(holder.RegistrationId);
        Assert.NotNull(certificate);
        var files = await FilesOwnedByAsync(staffId);
        var (submissionId, importId) = await SubmissionAndImportAsync(institutionId, staffId);
        var batchId = await results.Batch2IdAsync();
        var ownerClient = await portal.AsAsync($"owner-{code}@inst.example", Scenario.Password);
        Assert.Contains(holder.FullName, await ownerClient.GetStringAsync($"/Institution/Applicants/Details/{holder.RegistrationId}"), StringComparison.Ordinal);
        Assert.Contains("越权名单", await ownerClient.GetStringAsync($"/Institution/Import/Result/{importId}"), StringComparison.Ordinal);
        Assert.Equal(files[0].Content, await ownerClient.GetByteArrayAsync($"/Institution/Files/{files[0].Id}"));
        var before = await new Scenario(portal).RegistrationAsync(holder.RegistrationId);

        var otherCode = UniqueCreditCode();
        var (intruder, _, _) = await new Scenario(portal).InstitutionAsync(otherCode, $"intruder-{otherCode}@inst.example");
        var token = await intruder.GetDocumentAsync("/Institution");
        var secrets = new[] { holder.FullName, holder.IdNumber, holder.TicketNumber, certificate.Number };
        var failures = new List<string>();
        var gets = new List<string>
        {
            $"/Institution/Applicants/Details/{holder.RegistrationId}",
            $"/Institution/Applicants/Edit/{holder.RegistrationId}",
            $"/Institution/Import/Result/{importId}",
            $"/Institution/Certificates?handler=Pdf&certificateId={certificate.Id}&batchId={batchId}",
        };
        gets.AddRange(Enum.GetNames<SubmissionDocument>().Select(kind => $"/Institution/Submissions?handler=Document&id={submissionId}&kind={kind}"));
        foreach (var url in gets)
        {
            await ExpectNothingAsync(await intruder.GetAsync(url), $"GET {url}", failures, [.. secrets, "越权名单"]);
        }

        var posts = new[]
        {
            $"/Institution/Applicants/Details/{holder.RegistrationId}?handler=Pass",
            $"/Institution/Applicants/Details/{holder.RegistrationId}?handler=Transfer",
            $"/Institution/Applicants/Edit/{holder.RegistrationId}",
            $"/Institution/Tickets?handler=PrintOne&ticketId={holder.TicketId}&batchId={batchId}",
            $"/Institution/Staff?handler=Disable&userId={staffId}",
        };
        foreach (var url in posts)
        {
            await ExpectNothingAsync(await intruder.PostWithTokenAsync(token, url, new Dictionary<string, string>()), $"POST {url}", failures, secrets);
        }

        foreach (var file in files)
        {
            await ExpectNothingAsync(await intruder.GetAsync($"/Institution/Files/{file.Id}"), $"GET file {file.FileName}", failures, Slice(file.Content));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var after = await new Scenario(portal).RegistrationAsync(holder.RegistrationId);
        Assert.Equal(before.Version, after.Version);
        await using var scope = portal.Services.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(staffId);
        Assert.False(staff!.LockoutEnd > DateTimeOffset.UtcNow, "the other institution's staff account was disabled");
    }

    [Fact]
    public async Task Stored_files_are_never_served_from_a_public_path()
    {
        var scenario = new Scenario(portal);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (ownerId, _, _) = await scenario.CandidateAsync();
        await scenario.ReadyDraftAsync(ownerId);
        var file = (await FilesOwnedByAsync(ownerId))[0];
        var anonymous = portal.CreateBrowserlessClient();
        var storedHashes = await QueryAsync(db => db.StoredFiles.Select(f => f.Sha256).ToListAsync());

        var webRoot = portal.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;
        var published = Directory.EnumerateFiles(webRoot, "*", SearchOption.AllDirectories)
            .Where(path => storedHashes.Any(h => h.AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(path))))).ToList();
        Assert.Empty(published);
        foreach (var url in new[] { $"/{file.Id}", $"/files/{file.Id}", $"/uploads/{file.Id}", $"/Files/{file.Id}", $"/uploads/{file.FileName}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }

        foreach (var area in new[] { "Candidate", "Institution", "Centre" })
        {
            var response = await anonymous.GetAsync($"/{area}/Files/{file.Id}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain(Slice(file.Content), System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
    }

    /// <summary>404, and the body carries none of the object's distinguishing text or bytes.</summary>
    private static async Task ExpectNothingAsync(HttpResponseMessage response, string what, List<string> failures, params string[] secrets)
    {
        // Latin-1 keeps every byte as one char, so a file's bytes are found; UTF-8 text is checked as decoded text.
        var raw = await response.Content.ReadAsByteArrayAsync();
        var body = System.Text.Encoding.Latin1.GetString(raw) + System.Text.Encoding.UTF8.GetString(raw);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            failures.Add($"{what}: expected 404, got {(int)response.StatusCode}");
        }

        failures.AddRange(secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{what}: the body shows {s}"));
    }

    /// <summary>32 bytes from the middle of a file, as Latin-1 text: a stretch no other file or page has.</summary>
    private static string Slice(byte[] content) => System.Text.Encoding.Latin1.GetString(content, content.Length / 2, 32);

    private static string UniqueCreditCode() => $"91510104MA{Guid.NewGuid():N}"[..17].ToUpperInvariant() + "X";

    private async Task<HttpClient> SignedInCandidateAsync()
    {
        var (_, mobile, _) = await new Scenario(portal).CandidateAsync();
        return await portal.AsAsync(mobile, Scenario.Password);
    }

    private Task<List<StoredFile>> FilesOwnedByAsync(string userId) =>
        QueryAsync(db => db.StoredFiles.AsNoTracking().Where(f => f.OwnerUserId == userId).OrderBy(f => f.CreatedAt).ToListAsync());

    /// <summary>The institution's submission, and an import of its own with a name to look for.</summary>
    private async Task<(Guid Submission, Guid Import)> SubmissionAndImportAsync(int institutionId, string staffId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var submission = await db.InstitutionSubmissions.Where(s => s.InstitutionId == institutionId).Select(s => s.Id).FirstAsync();
        var import = new InstitutionImport
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, BatchId = await db.Batches.Where(b => b.Year == 2026 && b.Number == 2).Select(b => b.Id).SingleAsync(),
            FileName = "越权名单.xlsx", UploadedByUserId = staffId, UploadedAt = DateTimeOffset.UtcNow,
        };
        db.InstitutionImports.Add(import);
        await db.SaveChangesAsync();
        return (submission, import.Id);
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
