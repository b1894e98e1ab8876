using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Tests.Features.Documents;
using UglyToad.PdfPig;

namespace ExamPortal.Tests.Areas.Tickets;

/// <summary>What the ticket tests read off the portal's PDFs and pages.</summary>
internal static class TicketPdfs
{
    /// <summary>The answer is a PDF to save (an attachment, not shown in the page); its bytes.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected a PDF, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        return bytes;
    }

    /// <summary>Each page's text, in page order.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>Each page's words, in page order (a ticket number is one word).</summary>
    public static List<List<string>> PageWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.GetWords().Select(w => w.Text).ToList())];
    }

    /// <summary>What the QR code on page 1 says, read off the page rendered at 200 dpi as a scanner would see it.</summary>
    public static string QrText(byte[] pdf)
    {
        using var page = AdmissionTicketPdfTests.Render(pdf, 200);
        return AdmissionTicketPdfTests.DecodeQr(page) ?? throw new InvalidOperationException("No QR code could be read on page 1");
    }

    /// <summary>The form that holds the element (a button of a handler form with no id of its own).</summary>
    public static IHtmlFormElement FormOf(IDocument page, string elementSelector) =>
        (page.QuerySelector(elementSelector) ?? throw new InvalidOperationException($"No {elementSelector} on {page.Url}")).Closest("form") as IHtmlFormElement
        ?? throw new InvalidOperationException($"{elementSelector} is not inside a form");

    public static string StatusMessage(IDocument page) => page.QuerySelector(".status-message")?.TextContent.Trim() ?? string.Empty;
}
