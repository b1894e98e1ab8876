using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Uploads;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// The photo page's script shrinks a camera photo in the phone's browser before it is sent (issue 10's rush: the
/// server decodes about a tenth of the pixels, the phone sends a fraction of the bytes), turned upright by its camera mark;
/// a photo the portal keeps as it is goes out byte for byte.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PhotoShrinkBrowserTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_camera_photo_is_shrunk_upright_in_the_browser_before_it_is_sent()
    {
        // Stored 4000 wide and 3000 high with the mark "turn 90° clockwise", as phones save portraits.
        byte[] camera;
        using (var image = Image.Load(TestFiles.Jpeg(4000, 3000, 95, seed: 61)))
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
            using var stream = new MemoryStream();
            await image.SaveAsJpegAsync(stream, new JpegEncoder { Quality = 95 });
            camera = stream.ToArray();
        }

        Assert.True(camera.Length > 2 * 1024 * 1024, $"the camera photo should weigh several MB, not {camera.Length} bytes");

        await WithPhotoPageAsync(async page =>
        {
            await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "IMG_20260310_101500.jpg", MimeType = "image/jpeg", Buffer = camera });
            await Assertions.Expect(page.Locator("[data-size-for=upload]")).ToContainTextAsync("已在本机缩小为900×1200像素");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("photo-shrunk-in-browser"), FullPage = true });

            var body = await ChosenFileAsync(page);
            Assert.InRange(body.Length, 1, 1024 * 1024);
            var sentImage = Image.Identify(body);
            Assert.Equal((900, 1200), (sentImage.Width, sentImage.Height));
            var mark = sentImage.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value;
            Assert.True(mark is null or 1, $"the photo to send still carries the turn mark {mark}");

            await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
            await Assertions.Expect(page.Locator("#fit-offer")).ToContainTextAsync("295×413");
        });
    }

    [Fact]
    public async Task A_photo_the_portal_keeps_as_it_is_is_sent_unchanged()
    {
        var ready = TestFiles.Jpeg(UploadRules.PhotoWidth, UploadRules.PhotoHeight, 60, seed: 62);
        Assert.True(ready.Length <= UploadRules.PhotoMaxBytes, $"the test photo should be under 50 KB, not {ready.Length} bytes");

        await WithPhotoPageAsync(async page =>
        {
            await page.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "证件照.jpg", MimeType = "image/jpeg", Buffer = ready });
            await Assertions.Expect(page.Locator("[data-size-for=upload]")).ToContainTextAsync("KB");

            Assert.Equal(ready, await ChosenFileAsync(page));
            await Assertions.Expect(page.Locator("[data-size-for=upload]")).Not.ToContainTextAsync("缩小");

            await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
            await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("照片已上传");
        });
    }

    // What the form will send: Chromium does not report a multipart body with a file to Playwright, so the test reads
    // the file the input holds once the script is done (the upload button is enabled again).
    private static async Task<byte[]> ChosenFileAsync(IPage page)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "上传照片" })).ToBeEnabledAsync();
        var base64 = await page.EvaluateAsync<string>("""
            async () => {
              const bytes = new Uint8Array(await document.querySelector("#upload").files[0].arrayBuffer());
              let text = "";
              for (let i = 0; i < bytes.length; i += 0x8000) {
                text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
              }
              return btoa(text);
            }
            """);
        return Convert.FromBase64String(base64);
    }

    private async Task WithPhotoPageAsync(Func<IPage, Task> steps)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen.AddHours(3));
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ReadyDraftAsync(userId);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Phone.Width, Height = Support.Browser.Phone.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        await Support.Browser.SignInAsync(page, mobile, Scenario.Password);
        await page.GotoAsync($"/Candidate/Registrations/Photo/{id}");
        await steps(page);
    }
}
