using System.Diagnostics;
using ExamPortal.Tests.Features.Uploads;
using ExamPortal.Web.Features.Documents;
using PdfSharp.Drawing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ExamPortal.Tests.Features.Documents;

public sealed class PdfPageStreamTests(ITestOutputHelper output)
{
    private const string Title = "2026年第3批专项职业能力考核准考证";

    private static readonly string[] Names = ["张三", "李四", "王五", "赵六丰"];

    [Fact]
    public async Task ChunksOf1And25And7PagesBecomeOneDocumentWithEveryPageTextAndPhotoInOrder()
    {
        using var body = new ResponseBody();
        var stream = new PdfPageStream(body, Title);

        await stream.AppendAsync(Chunk(1, 1), CancellationToken.None);
        await stream.AppendAsync(Chunk(2, 25), CancellationToken.None);

        // 26 photos of tens of kilobytes have gone out before the document is complete.
        Assert.True(body.Received > 500_000, $"only {body.Received} bytes written before completion");
        await stream.AppendAsync(Chunk(27, 7), CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);

        var pdf = body.ToArray();
        DocumentArtifacts.Save(pdf, "page-stream.pdf");
        var path = ArtifactPath("page-stream.pdf");
        output.WriteLine($"{pdf.Length} bytes in {body.Writes} writes");
        Assert.Equal(33, stream.PageCount);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal(Title, document.Information.Title);
            Assert.Equal(33, document.NumberOfPages);
            for (var number = 1; number <= 33; number++)
            {
                var page = document.GetPage(number);
                Assert.Contains($"第{number}页 {Name(number)}", page.Text, StringComparison.Ordinal);
                Assert.Contains("准考证", page.Text, StringComparison.Ordinal);
                var image = Assert.Single(page.GetImages());
                Assert.True(image.RawMemory.Span.SequenceEqual(Photo(number)), $"page {number} does not show photo {number}");
            }
        }

        var info = Poppler("pdfinfo", path);
        Assert.Contains("Pages:           33\n", info, StringComparison.Ordinal);
        Assert.Contains($"Title:           {Title}\n", info, StringComparison.Ordinal);
        Poppler("pdftoppm", "-png", "-r", "60", "-f", "33", "-l", "33", "-singlefile", path, Path.ChangeExtension(path, null) + "-last");
        Assert.True(File.Exists(Path.ChangeExtension(path, null) + "-last.png"));
    }

    [Fact]
    public async Task FiveHundredTicketsInTwentyChunksAreJoinedWellUnderASecond()
    {
        using var body = new ResponseBody();
        var stream = new PdfPageStream(body, Title);
        var rendering = new Stopwatch();
        var joining = new Stopwatch();
        long inputs = 0;

        for (var chunk = 0; chunk < 20; chunk++)
        {
            rendering.Start();
            var pdf = Chunk((chunk * 25) + 1, 25);
            rendering.Stop();
            inputs += pdf.Length;
            joining.Start();
            await stream.AppendAsync(pdf, CancellationToken.None);
            joining.Stop();
        }

        joining.Start();
        await stream.CompleteAsync(CancellationToken.None);
        joining.Stop();

        output.WriteLine($"rendering 20 × 25 pages: {rendering.ElapsedMilliseconds} ms; joining: {joining.ElapsedMilliseconds} ms");
        output.WriteLine($"inputs {inputs} bytes, output {body.Received} bytes ({body.Received - inputs} bytes), {body.Writes} writes");
        Assert.Equal(500, stream.PageCount);

        // Each chunk's catalog, pages tree, Info, XMP metadata and xref are left out; its pages and their objects are not.
        Assert.InRange(body.Received, inputs * 95 / 100, inputs);
        Assert.InRange(joining.ElapsedMilliseconds, 0, 1000);

        DocumentArtifacts.Save(body.ToArray(), "page-stream-500.pdf");
        var path = ArtifactPath("page-stream-500.pdf");
        Assert.Contains("Pages:           500\n", Poppler("pdfinfo", path), StringComparison.Ordinal);
        using var document = PdfDocument.Open(body.ToArray());
        Assert.Contains($"第500页 {Name(500)}", document.GetPage(500).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencesInsideStringsAreLeftAloneWhileTheObjectsAroundThemAreRenumbered()
    {
        using var body = new ResponseBody();
        var stream = new PdfPageStream(body, Title);

        await stream.AppendAsync(Chunk(1, 2, linked: true), CancellationToken.None);
        await stream.AppendAsync(Chunk(3, 2, linked: true), CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);

        using var document = PdfDocument.Open(body.ToArray());
        Assert.Equal(4, document.NumberOfPages);
        for (var number = 1; number <= 4; number++)
        {
            var link = Assert.Single(document.GetPage(number).GetHyperlinks());
            Assert.Equal(Link(number), link.Uri);
        }
    }

    [Theory]
    [InlineData("garbage", "does not start with %PDF-")]
    [InlineData("truncated", "no startxref")]
    [InlineData("encrypted", "encrypted")]
    [InlineData("cross-reference stream", "cross-reference stream")]
    public async Task APdfItCannotReadIsRefusedBeforeAnyOfItIsWritten(string input, string reason)
    {
        using var body = new ResponseBody();
        var stream = new PdfPageStream(body, Title);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.AppendAsync(Unreadable(input), CancellationToken.None));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, body.Received);
        await stream.AppendAsync(Chunk(1, 1), CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);
        using var document = PdfDocument.Open(body.ToArray());
        Assert.Contains($"第1页 {Name(1)}", Assert.Single(document.GetPages()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPagesCanBeAppendedOnceTheDocumentIsComplete()
    {
        using var body = new ResponseBody();
        var stream = new PdfPageStream(body, Title);
        await stream.AppendAsync(Chunk(1, 1), CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);
        var length = body.Received;

        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.AppendAsync(Chunk(2, 1), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.CompleteAsync(CancellationToken.None));
        Assert.Equal(length, body.Received);
    }

    private static string ArtifactPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "artifacts", "documents", fileName);

    private static string Name(int page) => Names[page % Names.Length];

    private static byte[] Photo(int page) => UploadSamples.Jpeg(295, 413, quality: 85, seed: page);

    // A literal string with "N G R" in escaped parentheses and a lookalike hex string, as a link on the photo.
    private static string Link(int page) => $"https://example.test/tickets/{page}?see=(1 0 R)<2 0 R>";

    /// <summary>Admission tickets <paramref name="first"/> onwards as one PDF, as the bulk download renders a chunk.</summary>
    private static byte[] Chunk(int first, int count, bool linked = false)
    {
        using var document = FormDocument.Create("准考证");
        for (var number = first; number < first + count; number++)
        {
            using var page = new FormPage(document);
            page.Title("准考证");
            var font = FormPage.Font(14);
            page.Paragraph($"第{number}页 {Name(number)}", font, FormPage.LineHeight(font));
            using var photo = new MemoryStream(Photo(number));
            using var image = XImage.FromStream(photo);
            var photoBox = new XRect(FormPage.Margin, page.Y + 12, 90, 126);
            page.Graphics.DrawImage(image, photoBox);
            if (linked)
            {
                // Link rectangles are in PDF space, measured up from the bottom of the page.
                var area = new XRect(photoBox.X, page.Height - photoBox.Bottom, photoBox.Width, photoBox.Height);
                document.Pages[document.PageCount - 1].AddWebLink(new PdfSharp.Pdf.PdfRectangle(area), Link(number));
            }
        }

        return FormDocument.Save(document);
    }

    private static byte[] Unreadable(string input)
    {
        switch (input)
        {
            case "garbage":
                return [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37))];
            case "truncated":
                var whole = Chunk(1, 2);
                return whole[..(whole.Length / 2)];
            case "encrypted":
                using (var document = FormDocument.Create("准考证"))
                {
                    using (var page = new FormPage(document))
                    {
                        page.Title("准考证");
                    }

                    document.SecuritySettings.UserPassword = "secret";
                    return FormDocument.Save(document);
                }

            default:
                // As PDF 1.5 and later writers may save: startxref points at a cross-reference stream object.
                return "%PDF-1.5\n1 0 obj\n<</Type/XRef/Size 2/W[1 1 1]/Root 2 0 R/Length 0>>stream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n"u8.ToArray();
        }
    }

    /// <summary>Runs a poppler tool that must succeed without a word on stderr; returns what it printed.</summary>
    private static string Poppler(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var printed = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && errors.Result.Length == 0, $"{tool} {string.Join(' ', arguments)}: exit {process.ExitCode}, {errors.Result}");
        return printed;
    }

    /// <summary>
    /// An HTTP response body as Kestrel gives it: forward only, no Length or Position, and synchronous
    /// writes refused (Kestrel's AllowSynchronousIO is off).
    /// </summary>
    private sealed class ResponseBody : Stream
    {
        private readonly MemoryStream content = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>What the client has received so far.</summary>
        public long Received => content.Length;

        public int Writes { get; private set; }

        public byte[] ToArray() => content.ToArray();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            content.Write(buffer.Span);
            Writes++;
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                content.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
