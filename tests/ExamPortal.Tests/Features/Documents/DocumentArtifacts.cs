using System.Diagnostics;

namespace ExamPortal.Tests.Features.Documents;

/// <summary>
/// Keeps generated documents beside the test binaries (artifacts/documents/) so a person can open them,
/// with page 1 rendered to a PNG by poppler's pdftoppm (which ./test.sh installs): a layout is judged
/// by looking at it, and a PDF that poppler cannot render fails the test.
/// </summary>
internal static class DocumentArtifacts
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "artifacts", "documents");

    public static void Save(byte[] content, string fileName)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, fileName);
        File.WriteAllBytes(path, content);
        if (Path.GetExtension(fileName) == ".pdf")
        {
            RenderFirstPage(path);
        }
    }

    private static void RenderFirstPage(string pdfPath)
    {
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var argument in new[] { "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.ChangeExtension(pdfPath, null) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm could not render {pdfPath}: {errors}");
    }
}
