using ExamPortal.Web.Features.Help;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExamPortal.Web.Pages.Help.Manual;

/// <summary>
/// A manual as a web page and, with <c>?handler=Pdf</c>, as a PDF built from the same steps and the same
/// screenshots under wwwroot/manual.
/// </summary>
public abstract class ManualPageModel(IWebHostEnvironment environment, ManualAudience audience) : PageModel
{
    public Features.Help.Manual Manual { get; } = ManualContent.For(audience);

    public IActionResult OnGetPdf()
    {
        var pdf = ManualPdf.Build(Manual, Screenshot);
        return File(pdf, "application/pdf", $"{Manual.Title}.pdf");
    }

    private byte[] Screenshot(string fileName)
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"{ManualContent.ScreenshotFolder}/{fileName}");
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The manual's screenshot {fileName} is missing from wwwroot/{ManualContent.ScreenshotFolder}.", fileName);
        }

        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
