using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Certificates;
using ExamPortal.Tests.Features.Documents;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using ExamPortal.Web.Pages.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace ExamPortal.Tests.Areas.Results;

/// <summary>
/// 证书: issued after the publicity period to those who passed, downloaded by the holder with a QR code that
/// verifies it, found by the public query, shared with employers, listed for institutions, and its paper copy's
/// collection kept in the ledger. Batch 2's project 05 (大数据分析) is this class's own; institutions use 17.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class CertificateTests(PortalFactory portal)
{
    private const string Project = "05";
    private const string ProjectName = "大数据分析";
    private const string NumberPattern = "^SC2026[0-9A-HJKMNP-TV-Z]{10}$";

    private readonly ResultScenario _results = new(portal);

    [Fact]
    public async Task Certificates_are_issued_from_the_day_after_the_publicity_period_to_those_who_passed_only_and_only_once()
    {
        var holders = await _results.TicketHoldersAsync(Project, "发证甲", "发证乙", "发证丙", "发证丁");
        await _results.ScoresAsync(holders, "80", "60", "59.9", "缺考");
        var batchId = await _results.Batch2IdAsync();
        var url = $"/Centre/Certificates?BatchId={ResultScenario.Text(batchId)}";
        var exam = await _results.ExamClientAsync();

        portal.Clock.SetNow(ResultScenario.LastDayOfPublicity);
        var early = await exam.GetDocumentAsync(url);
        var refusal = early.QuerySelector("#issue-refusal")!.TextContent.Trim();
        Assert.StartsWith("成绩公示期至2026年5月11日", refusal, StringComparison.Ordinal);
        Assert.EndsWith("结束，结束后才能核发证书", refusal, StringComparison.Ordinal);
        Assert.Null(early.QuerySelector("#issue-certificates"));
        var refused = await exam.PostWithTokenAsync(early, "/Centre/Certificates?handler=Issue", new Dictionary<string, string> { ["BatchId"] = ResultScenario.Text(batchId) });
        Assert.Equal(refusal, (await exam.GetDocumentAsync(await refused.RedirectedToAsync())).QuerySelector(".status-message")!.TextContent.Trim());
        foreach (var holder in holders)
        {
            Assert.Null(await _results.CertificateAsync(holder.RegistrationId));
        }

        portal.Clock.SetNow(ResultScenario.CertificatesDay);
        var page = await exam.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#issue-refusal"));

        var issued = await exam.SubmitAsync(page, IssueForm(page), new Dictionary<string, string>());

        Assert.Contains("已核发证书", (await exam.GetDocumentAsync(await issued.RedirectedToAsync())).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var passed = new List<Certificate>();
        foreach (var holder in holders.Take(2))
        {
            var certificate = await _results.CertificateAsync(holder.RegistrationId);
            Assert.NotNull(certificate);
            Assert.Matches(NumberPattern, certificate.Number);
            Assert.Equal((holder.FullName, holder.IdNumber, ProjectName, new DateOnly(2026, 5, 12), holder.UserId),
                (certificate.FullName, certificate.IdNumber, certificate.ProjectName, certificate.IssueDate, certificate.CandidateUserId));
            Assert.Equal(await _results.ExamOfficerIdAsync(), certificate.IssuedByUserId);
            var message = Assert.Single(await _results.Scenario.MessagesAsync(holder.UserId!), m => m.Title == "电子证书已核发");
            Assert.Contains(certificate.Number, message.Body, StringComparison.Ordinal);
            passed.Add(certificate);
        }

        foreach (var holder in holders.Skip(2))
        {
            Assert.Null(await _results.CertificateAsync(holder.RegistrationId));
            Assert.DoesNotContain(await _results.Scenario.MessagesAsync(holder.UserId!), m => m.Title == "电子证书已核发");
        }

        Assert.NotEqual(passed[0].Number, passed[1].Number);
        var numbers = await _results.QueryAsync(db => db.Certificates.Select(c => c.Number).ToListAsync());
        Assert.All(numbers, n => Assert.Matches(NumberPattern, n));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        var ledger = await exam.GetDocumentAsync($"{url}&Search={passed[0].Number}");
        Assert.Contains(holders[0].FullName, ledger.QuerySelector($"#ledger tr[data-certificate='{passed[0].Number}']")!.TextContent, StringComparison.Ordinal);

        // Issuing again adds nothing and changes no number.
        var before = await CertificatesOfBatchAsync(batchId);
        var fresh = await exam.GetDocumentAsync(url);
        var again = await exam.SubmitAsync(fresh, IssueForm(fresh), new Dictionary<string, string>());

        Assert.StartsWith("没有需要核发的证书", (await exam.GetDocumentAsync(await again.RedirectedToAsync())).QuerySelector(".status-message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(before, await CertificatesOfBatchAsync(batchId));
        Assert.Equal(passed[0].Number, (await _results.CertificateAsync(holders[0].RegistrationId))!.Number);
    }

    [Fact]
    public async Task The_holder_downloads_the_certificate_whose_QR_code_verifies_it_without_showing_any_part_of_the_ID_number()
    {
        var holder = await _results.TicketHolderAsync(Project, "林晓峰");
        await _results.ScoresAsync([holder], "91");
        await _results.CertificatesIssuedAsync();
        var certificate = (await _results.CertificateAsync(holder.RegistrationId))!;
        var candidate = await _results.CandidateClientAsync(holder);
        var view = await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{holder.RegistrationId}");
        Assert.Equal(certificate.Number, view.QuerySelector("#certificate-number")!.TextContent.Trim());

        var download = await candidate.GetAsync(view.QuerySelector<IHtmlAnchorElement>("#download-certificate")!.Href);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var pdf = await download.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(pdf))
        {
            var page = document.GetPage(1);
            foreach (var expected in new[] { holder.FullName, ProjectName, certificate.Number, Certificate.IssuingBody, "2026年5月12日" })
            {
                Assert.Contains(expected, page.Text, StringComparison.Ordinal);
            }

            Assert.Contains(certificate.Number, page.GetWords().Select(w => w.Text));
            Assert.DoesNotContain(holder.IdNumber, page.Text, StringComparison.Ordinal);
        }

        using var image = AdmissionTicketPdfTests.Render(pdf, 200);
        var link = AdmissionTicketPdfTests.DecodeQr(image);
        Assert.NotNull(link);
        var prefix = new Uri(portal.BaseAddress, "/Certificates/Verify/").ToString();
        Assert.StartsWith(prefix, link, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link[prefix.Length..]);
        Assert.StartsWith(certificate.Number + "-", token, StringComparison.Ordinal);

        var visitor = portal.CreateBrowserlessClient();
        var verified = await visitor.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var html = await verified.Content.ReadAsStringAsync();
        var verifyPage = await HtmlForms.ReadAsync(verified);
        Assert.Contains("证书真实有效", verifyPage.QuerySelector("#verify-result")!.TextContent, StringComparison.Ordinal);
        var facts = verifyPage.QuerySelector("#certificate-facts")!.TextContent;
        foreach (var expected in new[] { certificate.Number, holder.FullName, ProjectName, Certificate.IssuingBody })
        {
            Assert.Contains(expected, facts, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(holder.IdNumber[..6], html, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.IdNumber[^4..], html, StringComparison.Ordinal);
        Assert.DoesNotContain("证件号码", html, StringComparison.Ordinal);

        // A changed signature, or the signature of one number put on another, verifies nothing.
        var signature = token[(certificate.Number.Length + 1)..];
        var forged = certificate.Number + "-" + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var otherNumber = certificate.Number[..^1] + (certificate.Number[^1] == '0' ? '1' : '0') + "-" + signature;
        foreach (var tampered in new[] { forged, otherNumber })
        {
            var response = await visitor.GetAsync("/Certificates/Verify/" + Uri.EscapeDataString(tampered));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var refused = await HtmlForms.ReadAsync(response);
            Assert.Contains("未查询到该证书", refused.QuerySelector("#verify-result")!.TextContent, StringComparison.Ordinal);
            Assert.Null(refused.QuerySelector("#certificate-facts"));
        }
    }

    [Fact]
    public async Task Every_signed_certificate_token_verifies_also_when_its_base64url_signature_holds_the_separator()
    {
        var tokens = portal.Services.GetRequiredService<VerificationTokens>();
        var withDash = 0;
        for (var i = 0; withDash < 20; i++)
        {
            Assert.True(i < 2000, "2000 signatures without a '-' in 20 of them");
            var number = CertificateNumber.Create(CertificateNumber.DefaultPrefix, 2026, BitConverter.GetBytes((long)i * 7919).AsSpan(0, CertificateNumber.RandomBytes));
            var token = await tokens.SignAsync(CertificateDocuments.CertificatePurpose, number, CancellationToken.None);
            withDash += token[(number.Length + 1)..].Contains('-', StringComparison.Ordinal) ? 1 : 0;

            Assert.Equal(number, await tokens.VerifyAsync(CertificateDocuments.CertificatePurpose, token, CancellationToken.None));
            Assert.Null(await tokens.VerifyAsync(TicketDocuments.TicketPurpose, token, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_public_query_finds_a_certificate_by_number_or_by_name_and_ID_number_and_otherwise_says_only_that_nothing_matched()
    {
        var holder = await _results.TicketHolderAsync(Project, "查证人");
        await _results.ScoresAsync([holder], "66");
        await _results.CertificatesIssuedAsync();
        var certificate = (await _results.CertificateAsync(holder.RegistrationId))!;

        // A minute of its own: the lookup limit counts per address per minute of the portal's clock.
        portal.Clock.SetNow(ResultScenario.At(5, 12, 14, 37));
        var visitor = portal.CreateBrowserlessClient();
        var form = await visitor.GetDocumentAsync("/Certificates/Query");

        var byNumber = await visitor.SubmitAsync(form, "#certificate-query", new Dictionary<string, string> { ["Number"] = " " + certificate.Number.ToLowerInvariant() });
        var byIdentity = await visitor.SubmitAsync(form, "#certificate-query", new Dictionary<string, string> { ["FullName"] = holder.FullName, ["IdNumber"] = holder.IdNumber });

        foreach (var found in new[] { byNumber, byIdentity })
        {
            var location = await found.RedirectedToAsync();
            Assert.StartsWith("/Certificates/Verify/", location, StringComparison.Ordinal);
            var verify = await visitor.GetDocumentAsync(location);
            Assert.Contains("证书真实有效", verify.QuerySelector("#verify-result")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(certificate.Number, verify.QuerySelector("#certificate-facts")!.TextContent, StringComparison.Ordinal);
        }

        var stranger = IdNumbers.Resident("510114", new DateOnly(1970, 7, 7), 321);
        foreach (var miss in new Dictionary<string, string>[]
                 {
                     new() { ["FullName"] = holder.FullName, ["IdNumber"] = stranger },
                     new() { ["FullName"] = "查无此人", ["IdNumber"] = holder.IdNumber },
                     new() { ["Number"] = "SC2026ZZZZZZZZZZ" },
                 })
        {
            var response = await visitor.SubmitAsync(form, "#certificate-query", miss);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlForms.ReadAsync(response);
            Assert.Equal(QueryModel.NothingMatched, page.QuerySelector("#query-outcome")!.TextContent.Trim());
            Assert.Null(page.QuerySelector("#query-results"));
            Assert.DoesNotContain(certificate.Number, page.Body!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_share_link_shows_and_downloads_the_certificate_until_it_expires_or_is_revoked()
    {
        var holder = await _results.TicketHolderAsync(Project, "分享人");
        await _results.ScoresAsync([holder], "73");
        await _results.CertificatesIssuedAsync();
        var certificate = (await _results.CertificateAsync(holder.RegistrationId))!;
        var candidate = await _results.CandidateClientAsync(holder);
        var own = $"/Candidate/Registrations/View/{holder.RegistrationId}";
        var view = await candidate.GetDocumentAsync(own);
        Assert.Null(view.QuerySelector("#share-links"));

        await (await candidate.SubmitAsync(view, "#share-form", new Dictionary<string, string> { ["ShareDays"] = "30" })).RedirectedToAsync();

        var shared = await candidate.GetDocumentAsync(own);
        var kept = Assert.Single(Links(shared));
        Assert.Equal("有效", kept.Status);
        var link = Assert.Single(await _results.QueryAsync(db => db.CertificateShareLinks.AsNoTracking().Where(l => l.CertificateId == certificate.Id).ToListAsync()));
        Assert.Equal(TimeSpan.FromDays(30), link.ExpiresAt - link.CreatedAt);
        Assert.EndsWith("/Certificates/Shared/" + link.Token, kept.Url, StringComparison.Ordinal);

        var employer = portal.CreateBrowserlessClient();
        var open = await employer.GetAsync(kept.Url);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var openPage = await HtmlForms.ReadAsync(open);
        Assert.Contains(certificate.Number, openPage.QuerySelector("#certificate-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(holder.FullName, openPage.QuerySelector("#certificate-facts")!.TextContent, StringComparison.Ordinal);
        var pdf = await employer.GetAsync(openPage.QuerySelector<IHtmlAnchorElement>("#shared-pdf")!.Href);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains(certificate.Number, document.GetPage(1).Text, StringComparison.Ordinal);
        }

        // A second link, revoked by the holder: gone at once, while the first still works.
        await (await candidate.SubmitAsync(shared, "#share-form", new Dictionary<string, string> { ["ShareDays"] = "7" })).RedirectedToAsync();
        var two = await candidate.GetDocumentAsync(own);
        var second = Assert.Single(Links(two), l => l.Url != kept.Url);
        await (await candidate.SubmitAsync(two, second.RevokeForm!, new Dictionary<string, string>())).RedirectedToAsync();

        Assert.Equal("已撤销", Assert.Single(Links(await candidate.GetDocumentAsync(own)), l => l.Url == second.Url).Status);
        var revoked = await employer.GetAsync(second.Url);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        var revokedPage = await HtmlForms.ReadAsync(revoked);
        Assert.Contains("该分享链接已被持证人撤销", revokedPage.QuerySelector("#shared-result")!.TextContent, StringComparison.Ordinal);
        Assert.Null(revokedPage.QuerySelector("#certificate-facts"));
        Assert.Equal(HttpStatusCode.OK, (await employer.GetAsync(kept.Url)).StatusCode);

        // 31 days on, the 30-day link has expired.
        portal.Clock.SetNow(ResultScenario.CertificatesDay.AddDays(31));
        var expired = await employer.GetAsync(kept.Url);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var expiredPage = await HtmlForms.ReadAsync(expired);
        Assert.Contains("该分享链接已过期", expiredPage.QuerySelector("#shared-result")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Number, expiredPage.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync(kept.Url + "?handler=Pdf")).StatusCode);
        candidate = await _results.CandidateClientAsync(holder);
        Assert.Equal("已过期", Assert.Single(Links(await candidate.GetDocumentAsync(own)), l => l.Url == kept.Url).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync("/Certificates/Shared/" + new string('x', 22))).StatusCode);
    }

    [Fact]
    public async Task An_institution_sees_and_registers_its_own_applicants_certificates_and_no_one_elses()
    {
        var own = await _results.InstitutionTicketHoldersAsync("91510104MA6CRTQ1A5", "cert@rtq-one.example", ["机构证甲", "机构证乙"]);
        var other = await _results.InstitutionTicketHoldersAsync("91510104MA6CRTQ2A6", "cert@rtq-two.example", ["他构证丙"]);
        await _results.ScoresAsync([.. own.Holders, .. other.Holders], "82", "75", "90");
        await _results.CertificatesIssuedAsync();
        var ours = new List<Certificate>();
        foreach (var holder in own.Holders)
        {
            ours.Add((await _results.CertificateAsync(holder.RegistrationId))!);
        }

        var theirs = (await _results.CertificateAsync(other.Holders[0].RegistrationId))!;
        Assert.All(ours, c => Assert.Equal(own.InstitutionId, c.InstitutionId));
        Assert.Contains(await _results.Scenario.MessagesAsync(own.StaffUserId), m => m.Title == "电子证书已核发" && m.Body.Contains("2名考生", StringComparison.Ordinal));
        var batchId = ResultScenario.Text(await _results.Batch2IdAsync());
        var staff = await portal.AsAsync("cert@rtq-one.example", Scenario.Password);
        var outsider = await portal.AsAsync("cert@rtq-two.example", Scenario.Password);

        var page = await staff.GetDocumentAsync($"/Institution/Certificates?BatchId={batchId}");

        var rows = page.QuerySelectorAll("#institution-certificates tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(ours.Select(c => c.Number).Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(theirs.Number, page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal("未领取", r[5]));
        Assert.All(own.Holders, h => Assert.DoesNotContain(h.IdNumber, page.Body!.InnerHtml, StringComparison.Ordinal));

        var mine = await staff.GetAsync($"/Institution/Certificates?handler=Pdf&certificateId={ours[0].Id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Institution/Certificates?handler=Pdf&certificateId={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Institution/Certificates?handler=Pdf&certificateId={ours[0].Id}")).StatusCode);

        var register = await staff.GetAsync(page.QuerySelector<IHtmlAnchorElement>("#download-register")!.Href);
        Assert.Equal("application/pdf", register.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await register.Content.ReadAsByteArrayAsync());
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.All(ours, c => Assert.Contains(c.Number, words));
        Assert.All(own.Holders, h => Assert.Contains(h.FullName, text, StringComparison.Ordinal));
        Assert.DoesNotContain(theirs.Number, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Holders[0].FullName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_refuses_a_collection_before_the_30th_working_day_records_it_from_then_and_exports_it()
    {
        var holder = await _results.TicketHolderAsync(Project, "领证人");
        await _results.ScoresAsync([holder], "85");
        await _results.CertificatesIssuedAsync();
        var certificate = (await _results.CertificateAsync(holder.RegistrationId))!;
        var url = $"/Centre/Certificates?BatchId={ResultScenario.Text(await _results.Batch2IdAsync())}&Search={certificate.Number}";

        // Signed in on the day: a session does not outlast weeks of the test clock.
        portal.Clock.SetNow(ResultScenario.DayBeforeCollection);
        var exam = await _results.ExamClientAsync();
        var early = await exam.GetDocumentAsync(url);
        Assert.Contains("2026年6月9日", early.QuerySelector("#collection-from")!.TextContent, StringComparison.Ordinal);
        var refused = await HtmlForms.ReadAsync(await exam.SubmitAsync(early, CollectForm(early, certificate.Number), new Dictionary<string, string> { ["CollectedBy"] = holder.FullName }));

        Assert.Contains("纸质证书自2026年6月9日（考核结束30个工作日后）起领取", refused.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await _results.CertificateAsync(holder.RegistrationId))!.CollectedAt);

        portal.Clock.SetNow(ResultScenario.CollectionDay);
        exam = await _results.ExamClientAsync();
        var page = await exam.GetDocumentAsync(url);
        const string note = "凭身份证原件领取";
        var recorded = await exam.SubmitAsync(page, CollectForm(page, certificate.Number), new Dictionary<string, string>
        {
            ["CollectedBy"] = holder.FullName,
            ["CollectionNote"] = note,
        });

        var after = await exam.GetDocumentAsync(await recorded.RedirectedToAsync());
        var collected = (await _results.CertificateAsync(holder.RegistrationId))!;
        Assert.Equal((holder.FullName, note, await _results.ExamOfficerIdAsync()), (collected.CollectedBy, collected.CollectionNote, collected.HandedOverByUserId));
        Assert.Equal(new DateOnly(2026, 6, 9), ExamPortal.Domain.Common.ChinaTime.DateOf(collected.CollectedAt!.Value));
        var row = after.QuerySelector($"#ledger tr[data-certificate='{certificate.Number}']")!;
        Assert.Contains($"由 {holder.FullName} 领取，经办 ", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"（{note}）", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form"));
        Assert.Contains(holder.FullName, Assert.Single(await _results.AuditAsync(AuditTrail.CertificateCollected, certificate.Number)).Details, StringComparison.Ordinal);

        // Once only: a stale form's second collection is refused and the first stays.
        var twice = await HtmlForms.ReadAsync(await exam.PostWithTokenAsync(after, "/Centre/Certificates?handler=Collect", new Dictionary<string, string>
        {
            ["CertificateId"] = certificate.Id.ToString(),
            ["CollectedBy"] = "冒领人",
        }));
        Assert.Contains($"该证书已于2026年6月9日由{holder.FullName}领取", twice.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(holder.FullName, (await _results.CertificateAsync(holder.RegistrationId))!.CollectedBy);

        var exports = await LedgerExportsAsync();
        var export = await exam.GetAsync(after.QuerySelector<IHtmlAnchorElement>("#export-ledger")!.Href);

        Assert.Equal(ResultScenario.XlsxType, export.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var ledger = stream.Query(useHeaderRow: true, sheetName: "证书台账").Cast<IDictionary<string, object?>>().ToList();
        var line = Assert.Single(ledger, r => (string?)r["证书编号"] == certificate.Number);
        Assert.Equal((holder.FullName, ProjectName, "已领取", holder.FullName, note, "个人报名"),
            ((string?)line["姓名"], (string?)line["专项职业能力名称"], (string?)line["领取状态"], (string?)line["领取人"], (string?)line["备注"], (string?)line["报名来源"]));
        Assert.StartsWith("2026-06-09", (string?)line["领取时间"], StringComparison.Ordinal);
        Assert.DoesNotContain(holder.IdNumber, (string?)line["证件号码"], StringComparison.Ordinal);
        Assert.Equal(exports + 1, await LedgerExportsAsync());
    }

    private async Task<int> LedgerExportsAsync() =>
        await _results.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditTrail.ListExported && a.Subject == "证书台账"));

    private async Task<List<string>> CertificatesOfBatchAsync(int batchId) =>
        await _results.QueryAsync(db => db.Certificates.Where(c => c.BatchId == batchId).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync());

    private static IHtmlFormElement IssueForm(IDocument page) =>
        (IHtmlFormElement)page.QuerySelector("#issue-certificates")!.Closest("form")!;

    private static IHtmlFormElement CollectForm(IDocument page, string number) =>
        page.QuerySelector<IHtmlFormElement>($"#ledger tr[data-certificate='{number}'] form")!;

    private static List<(string Url, string Status, IHtmlFormElement? RevokeForm)> Links(IDocument view) =>
        [.. view.QuerySelectorAll("#share-links tbody tr").Select(r => (
            r.QuerySelector<IHtmlInputElement>("input[readonly]")!.Value,
            r.QuerySelectorAll("td")[2].TextContent.Trim(),
            r.QuerySelector<IHtmlFormElement>("form")))];
}
