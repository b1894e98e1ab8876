using System.Net;
using System.Text;
using ExamPortal.Tests.Features.Attachments;
using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace ExamPortal.Tests.Security;

/// <summary>
/// Hostile files offered as a candidate's scan over HTTP: each is refused on the page with a Chinese message that says
/// what to do instead, nothing is stored (no file row, no document), nothing is written into the portal's own
/// directories, and the registration's documents stay as they were. (The institution's attachment zip — zip bomb,
/// ../ paths — is proved in AttachmentZipReaderTests and SubmissionTests; an upload far beyond the limit in
/// RegistrationRulesTests.)
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class HostileUploadTests(PortalFactory portal)
{
    private const int Kilobyte = 1024;

    private readonly Scenario _scenario = new(portal);

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "encrypted PDF", "scan.pdf", "application/pdf" },
        { "PDF with JavaScript", "scan.pdf", "application/pdf" },
        { "SVG with a script", "scan.svg", "image/svg+xml" },
        { "SVG with a script named .jpg", "scan.jpg", "image/jpeg" },
        { "20000×20000 pixel image bomb", "scan.png", "image/png" },
        { "truncated JPEG", "scan.jpg", "image/jpeg" },
        { "Windows program named .jpg", "scan.jpg", "image/jpeg" },
        { "0 bytes", "scan.jpg", "image/jpeg" },
        { "JPEG with a ZIP appended (polyglot)", "scan.jpg", "image/jpeg" },
        { "PNG with a ZIP appended (polyglot)", "scan.png", "image/png" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_scan_is_refused_with_a_Chinese_message_and_nothing_is_stored(string kind, string name, string contentType)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var client = await portal.AsAsync(mobile, Scenario.Password);
        var id = await _scenario.ReadyDraftAsync(userId);
        var documentsBefore = (await _scenario.RegistrationAsync(id)).Documents.Select(d => (d.Slot, d.FileId)).ToList();
        var filesBefore = await FilesOfAsync(userId);
        var portalFilesBefore = PortalDirectoryFiles();
        var page = await client.GetDocumentAsync($"/Candidate/Registrations/Scans/{id}");

        var response = await client.UploadAsync(page, "#scan-IdCardFront", "upload", Sample(kind), name, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await HtmlForms.ReadAsync(response);
        var message = again.QuerySelector(".validation-summary")?.TextContent ?? string.Empty;
        Assert.True(message.Contains('请', StringComparison.Ordinal), $"{kind}: the page should say in Chinese what to do, got \"{message.Trim()}\"");
        Assert.Equal(filesBefore, await FilesOfAsync(userId));
        Assert.Equal(documentsBefore, (await _scenario.RegistrationAsync(id)).Documents.Select(d => (d.Slot, d.FileId)).ToList());
        Assert.Equal(portalFilesBefore, PortalDirectoryFiles());
    }

    private static byte[] Sample(string kind) => kind switch
    {
        "encrypted PDF" => UploadSamples.PdfOfSize(250 * Kilobyte, document =>
        {
            document.SecuritySettings.UserPassword = "123456";
            document.SecuritySettings.OwnerPassword = "owner";
        }, tolerance: Kilobyte),
        "PDF with JavaScript" => UploadSamples.PdfOfSize(250 * Kilobyte, document =>
        {
            var action = new PdfDictionary(document);
            action.Elements["/S"] = new PdfName("/JavaScript");
            action.Elements["/JS"] = new PdfString("app.alert('hello');");
            document.Internals.Catalog.Elements["/OpenAction"] = action;
        }),
        "SVG with a script" or "SVG with a script named .jpg" => Padded("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"),
        "20000×20000 pixel image bomb" => UploadSamples.PngHeaderOnly(20_000, 20_000),
        "truncated JPEG" => UploadSamples.JpegBetween(230 * Kilobyte, 280 * Kilobyte)[..(200 * Kilobyte)],
        "Windows program named .jpg" => Padded("MZ\u0090\0"),
        "0 bytes" => [],
        "JPEG with a ZIP appended (polyglot)" => [.. UploadSamples.JpegBetween(220 * Kilobyte, 260 * Kilobyte), .. ZipSamples.Zip(("hidden.exe", "MZ"u8.ToArray()))],
        "PNG with a ZIP appended (polyglot)" => [.. UploadSamples.PngBetween(220 * Kilobyte, 260 * Kilobyte), .. ZipSamples.Zip(("hidden.exe", "MZ"u8.ToArray()))],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Padded(string head)
    {
        var file = new byte[250 * Kilobyte];
        Encoding.Latin1.GetBytes(head).CopyTo(file, 0);
        return file;
    }

    private async Task<int> FilesOfAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().StoredFiles.CountAsync(f => f.OwnerUserId == userId);
    }

    // The portal's pages and static files (only a manual refresh run writes screenshots there): an upload never lands
    // there or anywhere else outside the file store.
    private int PortalDirectoryFiles() =>
        Directory.EnumerateFiles(portal.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "*", SearchOption.AllDirectories)
            .Count(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
