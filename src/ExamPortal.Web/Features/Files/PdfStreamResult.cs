using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ExamPortal.Web.Features.Files;

/// <summary>
/// A PDF written straight to the response body as it is produced (bulk tickets and sign-in sheets), downloaded
/// as an attachment so phones save it rather than losing it in a pop-up.
/// </summary>
public sealed class PdfStreamResult(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "application/pdf";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }

    public static FileContentResult Attachment(HttpResponse response, string fileName, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = fileName };
    }
}
