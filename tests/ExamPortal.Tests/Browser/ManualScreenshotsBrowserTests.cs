using System.Globalization;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Tests.Features.Attachments;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Help;
using ExamPortal.Web.Features.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace ExamPortal.Tests.Browser;

/// <summary>
/// The operating manuals' screenshots, taken along the real journeys in chromium: a candidate from sign-up to
/// certificate, an institution from its application to its certificates. Each picture is saved to the test output
/// and, with EXAMPORTAL_REFRESH_MANUAL=1, to src/ExamPortal.Web/wwwroot/manual under the name the manual gives it, so
/// one command refreshes the manuals whenever the pages change.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ManualScreenshotsBrowserTests(PortalFactory portal)
{
    // A small tablet: the desktop layout of the pages, narrow enough that a picture scaled to an A4 page stays legible.
    private static readonly (int Width, int Height) Viewport = (768, 1000);

    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task The_candidate_manual_is_illustrated_from_sign_up_to_certificate()
    {
        const string Name = "王小明";
        const string Mobile = "13599990001";
        var idNumber = IdNumbers.Resident("510112", new DateOnly(1996, 6, 18), 271);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser);
        var camera = new Camera(ManualContent.Candidate);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "考生注册" }).First.ClickAsync();
        await page.GetByLabel("姓名").FillAsync(Name);
        await page.GetByLabel("证件号码").FillAsync(idNumber);
        await page.GetByLabel("手机号码").FillAsync(Mobile);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Scenario.Password);
        await page.GetByLabel("确认密码").FillAsync(Scenario.Password);
        await camera.ShootAsync(page, "sign-up", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("注册成功");

        await page.GetByRole(AriaRole.Link, new() { Name = "新的报名" }).First.ClickAsync();
        await camera.ShootAsync(page, "choose-plan", page.Locator("main"), maxHeight: 760);
        await page.GetByRole(AriaRole.Button, new() { Name = "报名 大数据采集" }).ClickAsync();
        await page.GetByLabel("文化程度").SelectOptionAsync(new SelectOptionValue { Label = "大学专科" });
        await page.GetByLabel("本人具有计算机操作能力").CheckAsync();
        await page.GetByLabel("通讯地址").FillAsync("成都市锦江区红星路一段1号");
        await page.GetByLabel("毕业院校（在读学校）").FillAsync("成都职业技术学院");
        await page.GetByLabel("所学专业").FillAsync("大数据技术");
        await page.GetByLabel("工作单位").FillAsync("成都数聚科技有限公司");
        await camera.ShootAsync(page, "details", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存，下一步" }).ClickAsync();

        await page.GetByLabel("选择照片").SetInputFilesAsync(new FilePayload { Name = "IMG_20260310.jpg", MimeType = "image/jpeg", Buffer = Portrait() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fit-offer")).ToContainTextAsync("295×413");
        await Assertions.Expect(page.Locator("#fit-offer img")).ToHaveJSPropertyAsync("complete", true);
        await camera.ShootAsync(page, "photo", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "采用这张照片" }).ClickAsync();

        await page.Locator("#proof-GraduationCertificate").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存证明类型" }).ClickAsync();
        var seed = 300;
        foreach (var slot in DocumentSlots.Scans)
        {
            await page.Locator($"#upload-{slot}").SetInputFilesAsync(new FilePayload { Name = $"{slot}.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(215_000, 295_000, ++seed) });
            await page.Locator($"#scan-{slot} button").ClickAsync();
            await Assertions.Expect(page.Locator($"#slot-{slot} .badge")).ToHaveTextAsync("已上传");
        }

        await camera.ShootAsync(page, "scans", page.Locator("section.card", new() { Has = page.Locator("#slot-ApplicationForm") }));
        await page.GetByRole(AriaRole.Link, new() { Name = "下一步：诚信承诺" }).ClickAsync();
        await page.GetByLabel("本人已阅读并作出以上承诺").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认承诺，下一步" }).ClickAsync();
        await camera.ShootAsync(page, "submit", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报名" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("待审核");
        var id = Guid.Parse(page.Url.Split('/')[^1]);

        portal.Clock.SetNow(Scenario.Batch2Review);
        var returned = await _scenario.WorkflowAsync(w => w.ReturnAsync(id, _scenario.VersionOf(id), Scenario.Reviewer,
            "学历证明扫描不清晰，请重新扫描毕业证书后上传", ["学历或学籍证明"], CancellationToken.None));
        Assert.True(returned.Succeeded, returned.Message);
        await page.GotoAsync($"/Candidate/Registrations/View/{id}");
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("退回修改");
        await camera.ShootAsync(page, "returned", page.Locator("main"), maxHeight: 640);
        await page.GotoAsync($"/Candidate/Registrations/Scans/{id}");
        await page.Locator("#upload-EducationProof").SetInputFilesAsync(new FilePayload { Name = "毕业证书.jpg", MimeType = "image/jpeg", Buffer = TestFiles.JpegBetween(215_000, 295_000, 399) });
        await page.Locator("#scan-EducationProof button").ClickAsync();
        await page.GotoAsync($"/Candidate/Registrations/Summary/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-status")).ToHaveTextAsync("待审核");
        await _scenario.ApproveAsync(id);

        await _scenario.PayeeAsync();
        portal.Clock.SetNow(Scenario.Batch2PaymentOpen);

        // The sign-in cookie expires by the portal's clock, which has just moved on by weeks.
        await Support.Browser.SignInAsync(page, Mobile, Scenario.Password);
        await page.GotoAsync($"/Candidate/Registrations/Payment/{id}");
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("待缴费");
        var fee = Yuan(await page.Locator("#fee").InnerTextAsync());
        await page.Locator("#receipt").SetInputFilesAsync(new FilePayload { Name = "回单.jpg", MimeType = "image/jpeg", Buffer = Scenario.Receipt });
        await page.GetByLabel("付款人名称").FillAsync(Name);
        await page.GetByLabel("转账金额（元）").FillAsync(fee);
        await page.GetByLabel("转账日期").FillAsync("2026-04-02");
        await page.GetByLabel("银行交易流水号").FillAsync(Scenario.Serial());
        await camera.ShootAsync(page, "payment", page.Locator("section.card", new() { Has = page.Locator("#payment-form") }));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证" }).ClickAsync();
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("待确认");
        var paymentId = (await _scenario.RegistrationAsync(id)).PaymentId!.Value;
        await _scenario.ConfirmPaymentAsync(paymentId);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#payment-stage")).ToHaveTextAsync("确认收费");
        await camera.ShootAsync(page, "confirmed", page.Locator("main"), maxHeight: 700);

        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        await page.GotoAsync("/");
        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "准考证下载", Exact = true }).ClickAsync();
        await page.GetByLabel("证件号码").FillAsync(idNumber);
        await page.GetByLabel("姓名").FillAsync(Name);
        await camera.ShootAsync(page, "ticket", page.Locator("main"));
        var ticket = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "查询并下载准考证" }).ClickAsync());
        Assert.EndsWith(".pdf", ticket.SuggestedFilename, StringComparison.Ordinal);

        var dates = await ScoresRecordedAsync(new Dictionary<Guid, ScoreValue> { [id] = ScoreValue.Of(86.5m) });
        portal.Clock.SetNow(At(dates.PublicationDate));
        await Support.Browser.SignInAsync(page, Mobile, Scenario.Password);
        await page.GotoAsync($"/Candidate/Registrations/View/{id}");
        await Assertions.Expect(page.Locator("#own-score")).ToHaveTextAsync("86.5");
        await camera.ShootAsync(page, "score", page.Locator("main"), maxHeight: 720);

        await CertificatesIssuedAsync(dates);
        await Support.Browser.SignInAsync(page, Mobile, Scenario.Password);
        await page.GotoAsync($"/Candidate/Registrations/View/{id}");
        await Assertions.Expect(page.Locator("#certificate-number")).Not.ToBeEmptyAsync();
        await camera.ShootAsync(page, "certificate", page.Locator("#certificate"));

        camera.AssertEveryStepShot();
    }

    [Fact]
    public async Task The_institution_manual_is_illustrated_from_application_to_certificates()
    {
        const string Email = "manual@shifan-peixun.example";
        const string InstitutionName = "成都示范职业培训学校";
        const string Password = "Jigou#2026pass";
        string[] names = ["陈思远", "刘雨桐", "赵子涵"];
        var idNumbers = names.Select((_, i) => IdNumbers.Resident("510113", new DateOnly(1992, 3, 5 + i), 381 + i)).ToArray();
        await _scenario.ForgetRegistrationsAsync(idNumbers);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser);
        var camera = new Camera(ManualContent.Institution);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "申请成为报名机构" }).ClickAsync();
        await page.GetByLabel("单位名称").FillAsync(InstitutionName);
        await page.GetByLabel("统一社会信用代码").FillAsync("91510100MA6MANU21P");
        await page.GetByLabel("机构类型").SelectOptionAsync(new SelectOptionValue { Label = "企业" });
        await page.GetByLabel("单位地址").FillAsync("成都市武侯区示范路8号");
        await page.GetByLabel("联系人（经办人）").FillAsync("周经办");
        await page.GetByLabel("联系电话").FillAsync("028-85550000");
        await page.GetByLabel("经办人邮箱（登录账号）").FillAsync(Email);
        await page.GetByLabel("登录密码").FillAsync(Password);
        await page.GetByLabel("确认密码").FillAsync(Password);
        await camera.ShootAsync(page, "apply", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        if (await page.Locator("#confirmMismatch").CountAsync() > 0)
        {
            await page.Locator("#confirmMismatch").CheckAsync();
            await page.GetByLabel("登录密码").FillAsync(Password);
            await page.GetByLabel("确认密码").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("待审核");
        var admin = await NewPageAsync(browser);
        await Support.Browser.SignInAsync(admin, "admin@demo.local", DemoDataSeeder.Password);
        await admin.GotoAsync("/Centre/Admin/InstitutionApplications");
        await admin.GetByRole(AriaRole.Link, new() { Name = InstitutionName }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "同意，开通报名机构" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#application-status")).ToHaveTextAsync("已同意");

        await Support.Browser.SignInAsync(page, Email, Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "经办人员" }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync("吴经办");
        await page.GetByLabel("登录邮箱").FillAsync("wu@shifan-peixun.example");
        await page.GetByLabel("初始密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("wu@shifan-peixun.example");
        await camera.ShootAsync(page, "staff", page.Locator("main"));

        await page.GotoAsync("/Institution");
        await page.GetByRole(AriaRole.Link, new() { Name = "批量导入考生" }).ClickAsync();
        var template = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template-link").ClickAsync());
        Assert.EndsWith(".xlsx", template.SuggestedFilename, StringComparison.Ordinal);
        await page.GetByLabel("Excel文件（.xlsx，最多5000行）").SetInputFilesAsync(new FilePayload
        {
            Name = "2026年第2批考生名单.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Roster(names, idNumbers),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync($"导入 {names.Length} 人");
        await camera.ShootAsync(page, "import", page.Locator("main"));

        await page.GotoAsync("/Institution/Import/Attachments");
        await page.GetByLabel("压缩包（.zip，最大300MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "考生材料.zip",
            MimeType = "application/zip",
            Buffer = ZipSamples.Zip([.. idNumbers.SelectMany(n => new[]
            {
                ($"{n}_照片.jpg", Portrait()),
                ($"{n}_个人申报表.jpg", ZipSamples.InWindowJpeg),
                ($"{n}_个人诚信承诺书.jpg", ZipSamples.InWindowJpeg),
                ($"{n}_学历证明.pdf", ZipSamples.InWindowPdf),
                ($"{n}_身份证正面.jpg", ZipSamples.InWindowJpeg),
                ($"{n}_身份证反面.png", ZipSamples.InWindowPng),
            })]),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并匹配" }).ClickAsync();
        await Assertions.Expect(page.Locator("#attachments-result .status-message")).ToContainTextAsync($"{6 * names.Length} 个文件");
        await camera.ShootAsync(page, "attachments", page.Locator("main"));

        var ids = await RegistrationsOfAsync(idNumbers);
        for (var i = 0; i < ids.Count; i++)
        {
            await page.GotoAsync($"/Institution/Applicants/Details/{ids[i]}");
            if (i == 0)
            {
                await camera.ShootAsync(page, "first-review", page.Locator("main"));
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "初审通过" }).ClickAsync();
            await Assertions.Expect(page.Locator(".status-message").First).ToContainTextAsync("初审通过");
        }

        await page.GotoAsync("/Institution/Submissions");
        await page.GetByLabel("本机构作出以上承诺").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"提交 {names.Length} 人至中心复审" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync("已提交中心复审");
        await camera.ShootAsync(page, "submit", page.Locator("main"));
        foreach (var id in ids)
        {
            await _scenario.ApproveAsync(id);
        }

        await _scenario.PayeeAsync();
        portal.Clock.SetNow(Scenario.Batch2PaymentOpen);
        var batchId = await _scenario.BatchIdAsync(2);
        await Support.Browser.SignInAsync(page, Email, Password);
        await page.GotoAsync($"/Institution/Payments?BatchId={batchId}");
        await Assertions.Expect(page.Locator("#selected-count")).ToHaveTextAsync(names.Length.ToString(CultureInfo.InvariantCulture));
        var serial = Scenario.Serial();
        await page.Locator("#receipt").SetInputFilesAsync(new FilePayload { Name = "对公转账回单.jpg", MimeType = "image/jpeg", Buffer = Scenario.Receipt });
        await page.GetByLabel("付款人名称（对公账户名称）").FillAsync(InstitutionName);
        await page.GetByLabel("转账金额（元）").FillAsync(Yuan(await page.Locator("#selected-total").InnerTextAsync()));
        await page.GetByLabel("转账日期").FillAsync("2026-04-02");
        await page.GetByLabel("银行交易流水号").FillAsync(serial);
        await camera.ShootAsync(page, "payment", page.Locator("main"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交缴费凭证并标注为“已缴费”" }).ClickAsync();
        await Assertions.Expect(page.Locator(".status-message")).ToContainTextAsync($"缴费凭证已提交（{names.Length}人）");
        await _scenario.ConfirmPaymentAsync((await _scenario.RegistrationAsync(ids[0])).PaymentId!.Value);

        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        await Support.Browser.SignInAsync(page, Email, Password);
        await page.GotoAsync($"/Institution/Tickets?BatchId={batchId}");
        await Assertions.Expect(page.Locator("#institution-tickets tbody tr")).ToHaveCountAsync(names.Length);
        await camera.ShootAsync(page, "tickets", page.Locator("main"));

        var dates = await ScoresRecordedAsync(new Dictionary<Guid, ScoreValue>
        {
            [ids[0]] = ScoreValue.Of(92m),
            [ids[1]] = ScoreValue.Of(78.5m),
            [ids[2]] = ScoreValue.Of(64m),
        });
        await CertificatesIssuedAsync(dates);
        await Support.Browser.SignInAsync(page, Email, Password);
        await page.GotoAsync($"/Institution/Certificates?BatchId={batchId}");
        await Assertions.Expect(page.Locator("#institution-certificates tbody tr")).ToHaveCountAsync(names.Length);
        await camera.ShootAsync(page, "certificates", page.Locator("main"));

        camera.AssertEveryStepShot();
    }

    /// <summary>
    /// The exam office records these registrations' scores the day after the exam; returns the batch's result
    /// dates. The clock is left on that day.
    /// </summary>
    private async Task<ResultDates> ScoresRecordedAsync(IReadOnlyDictionary<Guid, ScoreValue> scores)
    {
        var exam = await _scenario.ExamStaffAsync();
        var batchId = await _scenario.BatchIdAsync(2);
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dates = (await services.GetRequiredService<ResultCalendar>().DatesAsync(batchId, CancellationToken.None))!;
        portal.Clock.SetNow(At(dates.ExamDate.AddDays(1)));
        var tickets = await _scenario.TicketsAsync(scores.Keys);
        foreach (var plan in tickets.GroupBy(t => t.ExamPlanId))
        {
            var recorded = await services.GetRequiredService<ScoreEntry>().RecordAsync(plan.Key,
                plan.ToDictionary(t => t.Number, t => scores[t.RegistrationId]), exam, "手工录入", CancellationToken.None);
            Assert.True(recorded.Succeeded, recorded.Message);
        }

        return dates;
    }

    /// <summary>The exam office issues the batch's certificates the day after the publicity period; the clock is left there.</summary>
    private async Task CertificatesIssuedAsync(ResultDates dates)
    {
        portal.Clock.SetNow(At(dates.CertificatesFrom));
        var exam = await _scenario.ExamStaffAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CertificateIssuing>().IssueAsync(await _scenario.BatchIdAsync(2), exam, CancellationToken.None);
    }

    private async Task<List<Guid>> RegistrationsOfAsync(IEnumerable<string> idNumbers)
    {
        var numbers = idNumbers.ToList();
        await using var scope = portal.Services.CreateAsyncScope();
        var registrations = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.AsNoTracking()
            .Where(r => numbers.Contains(r.IdNumber)).Select(r => new { r.Id, r.IdNumber }).ToListAsync();
        return [.. numbers.Select(n => registrations.Single(r => r.IdNumber == n).Id)];
    }

    private async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Viewport.Width, Height = Viewport.Height },
            Locale = "zh-CN",
            BaseURL = portal.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);

    /// <summary>"¥1,300.00（暂定）" as the amount field wants it: "1300.00".</summary>
    private static string Yuan(string shown) =>
        System.Text.RegularExpressions.Regex.Match(shown.Replace(",", string.Empty, StringComparison.Ordinal), @"[0-9]+(\.[0-9]+)?").Value;

    /// <summary>The applicants as an institution fills the template: its header row, one row each, for 碳排放交易.</summary>
    private static byte[] Roster(string[] names, string[] idNumbers)
    {
        var rows = names.Select((name, i) => new Dictionary<string, object>
        {
            ["序号"] = i + 1,
            ["姓名"] = name,
            ["证件类型"] = "居民身份证",
            ["证件号码"] = idNumbers[i],
            ["手机号码"] = $"1358888{i + 1:0000}",
            ["文化程度"] = "大学本科",
            ["毕业院校"] = "西南财经大学",
            ["工作单位"] = "四川碳汇咨询有限公司",
            ["申报项目"] = "碳排放交易",
            ["申报条件"] = "高中（或同等学历）及以上学历",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: "考生信息");
        return stream.ToArray();
    }

    /// <summary>
    /// A phone camera's portrait, 1200×1600 with sensor grain: far over 50 KB, so the portal fits it. A drawn
    /// head and shoulders on a pale blue ground, so the manual shows what an ID photo looks like, and no one's face.
    /// </summary>
    private static byte[] Portrait()
    {
        const int Width = 1200;
        const int Height = 1600;
        var random = new Random(7);
        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var head = Square((x - 600) / 230.0) + Square((y - 620) / 290.0) <= 1;
                    var hair = Square((x - 600) / 250.0) + Square((y - 520) / 230.0) <= 1 && y < 560;
                    var shoulders = y > 950 && Square((x - 600) / 560.0) + Square((y - 1600) / 620.0) <= 1;
                    var neck = Math.Abs(x - 600) < 110 && y is > 850 and <= 1000;
                    var (r, g, b) = hair ? (40, 32, 28) : head || neck ? (236, 200, 172) : shoulders ? (38, 52, 82) : (200, 224, 246);
                    var grain = random.Next(-6, 7);
                    row[x] = new Rgb24(Channel(r + grain), Channel(g + grain), Channel(b + grain));
                }
            }
        });
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 92 });
        return output.ToArray();
    }

    private static double Square(double value) => value * value;

    private static byte Channel(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>
    /// Takes a manual's screenshots by step: clipped to the part of the page the step is about (and to a height
    /// that prints on half a page), reduced to a 256-colour PNG, which keeps text crisp at a fraction of the size.
    /// </summary>
    private sealed class Camera(Manual manual)
    {
        private static readonly PngEncoder Encoder = new()
        {
            ColorType = PngColorType.Palette,
            CompressionLevel = PngCompressionLevel.BestCompression,
            Quantizer = new WuQuantizer(new QuantizerOptions { MaxColors = 256, Dither = null }),
        };

        private readonly HashSet<string> _taken = [];

        public async Task ShootAsync(IPage page, string anchor, ILocator target, int maxHeight = 1000)
        {
            var step = manual.Step(anchor);

            // No caret or focus ring in the manual: the picture shows the page as the reader will find it.
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            var box = await target.EvaluateAsync<float[]>(
                "e => { const r = e.getBoundingClientRect(); return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; }");
            var raw = await page.ScreenshotAsync(new PageScreenshotOptions
            {
                FullPage = true,
                Clip = new Clip { X = box[0], Y = box[1], Width = box[2], Height = Math.Min(box[3], maxHeight) },
            });
            using var image = Image.Load<Rgba32>(raw);
            using var png = new MemoryStream();
            await image.SaveAsPngAsync(png, Encoder);
            var bytes = png.ToArray();
            await File.WriteAllBytesAsync(Support.Browser.ScreenshotPath($"manual-{Path.GetFileNameWithoutExtension(step.Screenshot)}"), bytes);

            // The committed pictures are replaced only when asked (EXAMPORTAL_REFRESH_MANUAL=1 ./test.sh): every run has
            // new numbers and times, and an ordinary test run must not leave the checkout modified. Written aside and
            // renamed over the old picture, so a test reading the folder meanwhile never sees half a file.
            if (Environment.GetEnvironmentVariable("EXAMPORTAL_REFRESH_MANUAL") == "1")
            {
                var path = Path.Combine(ManualFolder, step.Screenshot);
                var written = path + ".tmp";
                await File.WriteAllBytesAsync(written, bytes);
                File.Move(written, path, overwrite: true);
            }

            _taken.Add(anchor);
        }

        public void AssertEveryStepShot() => Assert.Equal(manual.Steps.Select(s => s.Anchor).Order(), _taken.Order());
    }

    /// <summary>src/ExamPortal.Web/wwwroot/manual of the checkout the tests run from.</summary>
    public static string ManualFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ExamPortal.sln")))
            {
                folder = folder.Parent;
            }

            return folder is null
                ? throw new InvalidOperationException($"No ExamPortal.sln above {AppContext.BaseDirectory}")
                : Path.Combine(folder.FullName, "src", "ExamPortal.Web", "wwwroot", ManualContent.ScreenshotFolder);
        }
    }
}
