using ExamPortal.Tests.Browser;
using ExamPortal.Web.Features.Help;

namespace ExamPortal.Tests.Areas.Help;

/// <summary>
/// The screenshots are committed files, refreshed by ManualScreenshotsBrowserTests: a manual must never name
/// one that is not there, and each must stay small enough to serve and to embed in the PDFs.
/// </summary>
public sealed class ManualScreenshotFilesTests
{
    private const int MaxBytes = 200 * 1024;

    public static TheoryData<string> Screenshots => [.. ManualContent.All.SelectMany(m => m.Steps).Select(s => s.Screenshot)];

    [Theory]
    [MemberData(nameof(Screenshots))]
    public void Every_screenshot_a_manual_names_is_a_small_png_in_wwwroot(string fileName)
    {
        var path = Path.Combine(ManualScreenshotsBrowserTests.ManualFolder, fileName);

        Assert.True(File.Exists(path), $"{fileName} is missing: run ManualScreenshotsBrowserTests to take it");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length <= MaxBytes, $"{fileName} is {bytes.Length / 1024} KB");
    }

    [Fact]
    public void No_two_steps_share_a_screenshot_or_an_anchor()
    {
        var steps = ManualContent.All.SelectMany(m => m.Steps).ToList();

        Assert.Equal(steps.Count, steps.Select(s => s.Screenshot).Distinct().Count());
        Assert.All(ManualContent.All, m => Assert.Equal(m.Steps.Count, m.Steps.Select(s => s.Anchor).Distinct().Count()));
    }
}
