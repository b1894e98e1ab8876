using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ExamPortal.Web.Features.Files;

public static class FileResults
{
    /// <summary>Shown inline (images and PDFs in the review page), never sniffed, never cached by shared caches.</summary>
    public static FileContentResult Inline(HttpResponse response, FileContent file)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new FileContentResult(file.Content, file.ContentType);
    }
}
