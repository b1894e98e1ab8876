using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExamPortal.Tests.Browser;

/// <summary>An organisation applies, is approved, imports 200 rows of which 10 are bad, first-reviews, submits and prints.</summary>
[Collection(SharedPortal.Name)]
public sealed class InstitutionJourneyBrowserTests(PortalFactory portal)
{
    private const string Password = "Jigou#2026pass";

    [Fact]
    public async Task An_institution_applies_imports_reviews_submits_and_prints_its_roster()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Support.Browser.Desktop.Width, Height = Support.Browser.Desktop.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var shot = 0;
        async Task Snap(IPage p, string name) =>
            await p.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath($"institution-{++shot:00}-{name}"), FullPage = true });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "申请成为报名机构" }).ClickAsync();
        await page.GetByLabel("单位名称").FillAsync("绵阳示范技师学院");
        await page.GetByLabel("统一社会信用代码").FillAsync("12510700MB1234567F");
        await page.GetByLabel("机构类型").SelectOptionAsync(new SelectOptionValue { Label = "院校" });
        await page.GetByLabel("单位地址").FillAsync("绵阳市涪城区示范路1号");
        await page.GetByLabel("联系人（经办人）").FillAsync("郑经办");
        await page.GetByLabel("联系电话").FillAsync("0816-2222222");
        await page.GetByLabel("经办人邮箱（登录账号）").FillAsync("zheng@mianyang.example");
        await page.GetByLabel("登录密码").FillAsync(Password);
        await page.GetByLabel("确认密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        if (await page.Locator("#confirmMismatch").CountAsync() > 0)
        {
            await page.Locator("#confirmMismatch").CheckAsync();
            await page.GetByLabel("登录密码").FillAsync(Password);
            await page.GetByLabel("确认密码").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("待审核");
        await Snap(page, "applied");

        var admin = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "zh-CN" })).NewPageAsync();
        await Support.Browser.SignInAsync(admin, "admin@demo.local", Web.Data.Seed.DemoDataSeeder.Password);
        await admin.GotoAsync("/Centre/Admin/InstitutionApplications");
        await admin.GetByRole(AriaRole.Link, new() { Name = "绵阳示范技师学院" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "同意，开通报名机构" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#application-status")).ToHaveTextAsync("已同意");

        await Support.Browser.SignInAsync(page, "zheng@mianyang.example", Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入考生" }).ClickAsync();
        var template = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template-link").ClickAsync());
        Assert.EndsWith(".xlsx", template.SuggestedFilename, StringComparison.Ordinal);
        await new Scenario(portal).ForgetRegistrationsAsync(ImportFixtures.Read("200-rows-10-bad.xlsx").Rows.Select(r => r.IdNumber));
        await page.GetByLabel("Excel文件（.xlsx，最多5000行）").SetInputFilesAsync(new FilePayload
        {
            Name = "200人名单.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = ImportFixtures.Committed("200-rows-10-bad.xlsx"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("导入 190 人");
        await Assertions.Expect(page.Locator("tr.row-failed")).ToHaveCountAsync(10);
        await Snap(page, "import-result");
        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#error-report").ClickAsync());
        Assert.EndsWith(".xlsx", report.SuggestedFilename, StringComparison.Ordinal);
        var fixedRows = Fix(await File.ReadAllBytesAsync(await report.PathAsync()));
        await page.GotoAsync("/Institution/Import");
        await page.GetByLabel("Excel文件（.xlsx，最多5000行）").SetInputFilesAsync(new FilePayload
        {
            Name = "修改后.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = fixedRows,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("导入 10 人");
        await Snap(page, "fixed-rows-imported");

        var first = await FirstImportedAsync("绵阳示范技师学院");
        var idNumber = await IdNumberAsync(first);
        await page.GotoAsync("/Institution/Import/Attachments");
        await page.GetByLabel("压缩包（.zip，最大300MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "材料.zip",
            MimeType = "application/zip",
            Buffer = Features.Attachments.ZipSamples.Zip(
                ($"{idNumber}_照片.jpg", Features.Attachments.ZipSamples.LargePhoto),
                ($"{idNumber}_个人申报表.jpg", Features.Attachments.ZipSamples.InWindowJpeg),
                ($"{idNumber}_个人诚信承诺书.jpg", Features.Attachments.ZipSamples.Scan199KB),
                ($"{idNumber}_学历证明.pdf", Features.Attachments.ZipSamples.InWindowPdf),
                ($"{idNumber}_身份证正面.jpg", Features.Attachments.ZipSamples.Scan301KB),
                ($"{idNumber}_身份证反面.png", Features.Attachments.ZipSamples.InWindowPng)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并匹配" }).ClickAsync();
        await Assertions.Expect(page.Locator("#attachments-result .status-message")).ToContainTextAsync("6 个文件");
        await Snap(page, "zip-attached");
        await page.GotoAsync($"/Institution/Applicants/Details/{first}");
        await page.GetByRole(AriaRole.Button, new() { Name = "初审通过" }).ClickAsync();
        await page.GotoAsync("/Institution/Submissions");
        await page.GetByLabel("本机构作出以上承诺").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交 1 人至中心复审" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("已提交中心复审");
        await Snap(page, "submitted");
        var roster = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "花名册PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", roster.SuggestedFilename, StringComparison.Ordinal);

        await admin.GotoAsync("/Centre/Submissions");
        await admin.Locator("form.originals input[type=date]").First.FillAsync("2026-03-10");
        await admin.Locator("form.originals button").First.ClickAsync();
        await Assertions.Expect(admin.Locator("tbody")).ToContainTextAsync("2026年3月24日");
        await Snap(admin, "centre-originals");
        Assert.Equal(RegistrationStatus.Submitted, await StatusAsync(first));
    }

    private async Task<Guid> FirstImportedAsync(string institutionName)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var institutionId = await db.Institutions.Where(i => i.Name == institutionName).Select(i => i.Id).SingleAsync();
        return await db.Registrations.Where(r => r.InstitutionId == institutionId).OrderBy(r => r.IdNumber).Select(r => r.Id).FirstAsync();
    }

    /// <summary>What the institution does with the error report: corrects each failed row and keeps its name.</summary>
    private static byte[] Fix(byte[] report)
    {
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(report), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var fixedRows = rows.Select((row, i) => new Dictionary<string, object>
        {
            ["姓名"] = row["姓名"]?.ToString() ?? $"更正{i}",
            ["证件类型"] = "居民身份证",
            ["证件号码"] = IdNumbers.Resident("510681", new DateOnly(1985, 6, 1).AddDays(i), 700 + i),
            ["手机号码"] = $"1398888{i:0000}",
            ["文化程度"] = "大学本科",
            ["申报项目"] = "碳排放交易",
            ["申报条件"] = "高中（或同等学历）及以上学历",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, fixedRows, sheetName: "考生信息");
        return stream.ToArray();
    }

    private async Task<string> IdNumberAsync(Guid registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.Where(r => r.Id == registrationId).Select(r => r.IdNumber).SingleAsync();
    }

    private async Task<RegistrationStatus> StatusAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }
}
