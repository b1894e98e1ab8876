using Microsoft.Playwright;

namespace ExamPortal.Tests.Support;

/// <summary>Debian's chromium driven by Playwright; nothing is downloaded.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly (int Width, int Height) Phone = (360, 740);
    public static readonly (int Width, int Height) Desktop = (1280, 800);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No browser at {ChromiumPath}: run the suite with ./test.sh, which installs it, or `apt-get install -y chromium fonts-wqy-microhei`.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Signs in through the sign-in page and waits until the header offers 退出, i.e. the session exists.</summary>
    public static async Task SignInAsync(IPage page, string login, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("手机号码或邮箱").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>Screenshots are test output, kept under TEST_OUTPUT_DIR (./test.sh sets it) or the test's bin folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var root = Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "test-output");
        var folder = Path.Combine(root, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
