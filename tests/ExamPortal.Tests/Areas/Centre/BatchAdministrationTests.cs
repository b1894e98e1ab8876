using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>
/// A CentreAdmin sets up batches on /Centre/Admin/Batches. Years 2028 and 2030 are these tests' own (2027 is the
/// browser test's, 2029 the calendar test's). 1 January 2028 is a Saturday.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class BatchAdministrationTests(PortalFactory portal)
{
    private const int Year = 2028;
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_2028_batch_is_created_with_its_plans_a_bad_order_and_a_duplicate_number_are_refused_and_each_save_is_audited()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        await Calendar2028Async();
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var form = await admin.GetDocumentAsync("/Centre/Admin/Batches/Create");
        var planRows = form.QuerySelectorAll("#batch-plans tbody tr").Length;
        Assert.True(planRows >= 22);

        var values = BatchValues(number: "1", exam: $"{Year}-04-14");
        for (var i = 2; i < planRows; i++)
        {
            values[$"Input.Plans[{i}].Selected"] = "false";
        }

        values["Input.Plans[0].StartTime"] = "14:00";
        values["Input.Plans[0].EndTime"] = "16:00";

        var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(form, "#batch-form", values));
        Assert.Contains($"考核日期（{Year}年4月14日）应晚于打印准考证结束日期（{Year}年4月14日）", refused.QuerySelector("#Input_ExamDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Year}-03-06", Input(refused, "Input.RegistrationStart").Value);
        Assert.Equal($"{Year}-04-14", Input(refused, "Input.ExamDate").Value);
        Assert.Equal("14:00", Input(refused, "Input.Plans[0].StartTime").Value);
        Assert.False(Input(refused, "Input.Plans[5].Selected").IsChecked);
        Assert.True(Input(refused, "Input.Plans[1].Selected").IsChecked);

        var saved = await admin.SubmitAsync(refused, "#batch-form", new Dictionary<string, string> { ["Input.ExamDate"] = $"{Year}-04-15" });
        var list = await admin.GetDocumentAsync(await saved.RedirectedToAsync());
        Assert.Contains("批次已保存", list.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(list.QuerySelectorAll("#batches tbody tr"), r => r.TextContent.Contains($"{Year}年第1批", StringComparison.Ordinal));
        Assert.Contains("2 个", row.TextContent, StringComparison.Ordinal);

        var batch = await BatchAsync(Year, 1);
        Assert.Equal(new DateOnly(Year, 4, 15), batch.ExamDate);
        Assert.Equal(2, batch.Plans.Count);
        Assert.Contains(batch.Plans, p => p.ExamStartTime == new TimeOnly(14, 0) && p.ExamEndTime == new TimeOnly(16, 0));
        Assert.All(batch.Plans, p => Assert.False(string.IsNullOrWhiteSpace(p.Venue)));
        var created = Assert.Single(await AuditAsync(batch.Id, AuditTrail.BatchCreated));
        Assert.Contains($"新建{Year}年第1批", created, StringComparison.Ordinal);

        var again = await admin.GetDocumentAsync("/Centre/Admin/Batches/Create");
        var duplicate = await HtmlForms.ReadAsync(await admin.SubmitAsync(again, "#batch-form", BatchValues(number: "1", exam: $"{Year}-04-15")));
        Assert.Contains($"{Year}年已有第1批，请换一个批次序号", duplicate.QuerySelector("#Input_Number-error")!.TextContent, StringComparison.Ordinal);

        var edit = await admin.GetDocumentAsync($"/Centre/Admin/Batches/Edit/{batch.Id}");
        var changed = await admin.SubmitAsync(edit, "#batch-form", new Dictionary<string, string>
        {
            ["Input.ExamDate"] = $"{Year}-04-16",
            ["Input.Plans[1].EndTime"] = "11:30",
        });
        await changed.RedirectedToAsync();
        var change = Assert.Single(await AuditAsync(batch.Id, AuditTrail.BatchChanged));
        Assert.Contains($"考核{Year}-04-15 → 报名", change, StringComparison.Ordinal);
        Assert.Contains($"考核{Year}-04-16", change, StringComparison.Ordinal);
        Assert.Contains("09:00—11:00 → ", change, StringComparison.Ordinal);
        Assert.Contains("09:00—11:30", change, StringComparison.Ordinal);

        // The form opened before that change is stale now.
        var stale = await HtmlForms.ReadAsync(await admin.SubmitAsync(edit, "#batch-form", new Dictionary<string, string> { ["Input.ExamDate"] = $"{Year}-04-15" }));
        Assert.Contains("该记录已被他人修改", stale.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);

        var schedule = await portal.CreateBrowserlessClient().GetDocumentAsync($"/Schedule?year={Year}");
        Assert.StartsWith($"{Year}年", schedule.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(schedule.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("第1批", StringComparison.Ordinal) && r.TextContent.Contains($"{Year}年4月16日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_year_without_its_calendar_is_refused_with_what_to_do()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var form = await admin.GetDocumentAsync("/Centre/Admin/Batches/Create");
        var values = BatchValues(number: "1", exam: "2030-04-13", year: 2030);
        values["Input.RegistrationStart"] = "2030-03-04";

        var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(form, "#batch-form", values));

        Assert.Contains("请先录入2030年工作日历", refused.QuerySelector("div.errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2030", Input(refused, "Input.Year").Value);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.AnyAsync(b => b.Year == 2030));
    }

    [Fact]
    public async Task A_2026_batch_under_way_keeps_its_past_dates_and_its_plans_with_registrations()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (candidate, _, _) = await _scenario.CandidateAsync();
        await _scenario.SubmittedAsync(candidate, batchNumber: 2, projectCode: "04");
        var batchId = await _scenario.BatchIdAsync(2);
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var edit = await admin.GetDocumentAsync($"/Centre/Admin/Batches/Edit/{batchId}");
        Assert.NotNull(edit.QuerySelector("#opened-rules"));
        var index = edit.QuerySelectorAll("#batch-plans tbody tr").Index(edit.QuerySelectorAll("#batch-plans tbody tr").Single(r => r.TextContent.Contains("04 大数据清洗", StringComparison.Ordinal)));

        var refused = await HtmlForms.ReadAsync(await admin.SubmitAsync(edit, "#batch-form", new Dictionary<string, string>
        {
            ["Input.RegistrationStart"] = "2026-03-10",
            [$"Input.Plans[{index}].Selected"] = "false",
        }));

        Assert.Contains("报名开始日期（2026年3月9日）已过，不能再修改", refused.QuerySelector("#Input_RegistrationStart-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-10", Input(refused, "Input.RegistrationStart").Value);
        var batch = await BatchAsync(2026, 2);
        Assert.Equal(new DateOnly(2026, 3, 9), batch.RegistrationStart);
        Assert.Empty(await AuditAsync(batchId, AuditTrail.BatchChanged));

        var keepDates = await HtmlForms.ReadAsync(await admin.SubmitAsync(refused, "#batch-form", new Dictionary<string, string>
        {
            ["Input.RegistrationStart"] = "2026-03-09",
            [$"Input.Plans[{index}].Selected"] = "false",
        }));
        Assert.Contains("不能移出本批次", keepDates.QuerySelector($"[id='Input_Plans[{index}]_Selected-error']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(batch.Plans, p => p.Project.Code == "04");
    }

    [Fact]
    public async Task Non_admin_roles_get_403_on_batch_administration()
    {
        var batchId = await _scenario.BatchIdAsync(3);
        foreach (var role in new[] { Role.CentreReviewer, Role.CentreFinance, Role.CentreExam, Role.InstitutionStaff, Role.Candidate })
        {
            var client = await portal.AsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Centre/Admin/Batches/Edit/{batchId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Centre/Admin/Batches")).StatusCode);
        }

        var reviewer = await portal.AsAsync(Role.CentreReviewer);
        var tokenPage = await reviewer.GetDocumentAsync("/Centre/Calendar");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostWithTokenAsync(tokenPage, $"/Centre/Admin/Batches/Edit/{batchId}", BatchValues("3", "2026-05-23", 2026))).StatusCode);
    }

    private static Dictionary<string, string> BatchValues(string number, string exam, int year = Year) => new()
    {
        ["Input.Year"] = $"{year}",
        ["Input.Number"] = number,
        ["Input.RegistrationStart"] = $"{year}-03-06",
        ["Input.RegistrationEnd"] = $"{year}-03-10",
        ["Input.ReviewStart"] = $"{year}-03-13",
        ["Input.ReviewEnd"] = $"{year}-03-24",
        ["Input.PaymentStart"] = $"{year}-03-27",
        ["Input.PaymentEnd"] = $"{year}-03-29",
        ["Input.TicketPrintingStart"] = $"{year}-04-10",
        ["Input.TicketPrintingEnd"] = $"{year}-04-14",
        ["Input.ExamDate"] = exam,
    };

    private static IHtmlInputElement Input(IDocument page, string name) =>
        page.QuerySelector<IHtmlInputElement>($"input[name='{name}']") ?? throw new InvalidOperationException($"no input {name}");

    // 2028's arrangement, entered directly: the calendar pages have their own test.
    private async Task Calendar2028Async()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.CalendarYears.AnyAsync(y => y.Year == Year))
        {
            return;
        }

        db.CalendarYears.Add(new CalendarYear { Year = Year, Source = "测试用2028年节假日安排" });
        db.CalendarDays.AddRange(
            new CalendarDay { Date = new DateOnly(Year, 1, 1), Kind = CalendarDayKind.Holiday, Note = "元旦放假" },
            new CalendarDay { Date = new DateOnly(Year, 4, 3), Kind = CalendarDayKind.Holiday, Note = "清明节放假" },
            new CalendarDay { Date = new DateOnly(Year, 4, 4), Kind = CalendarDayKind.Holiday, Note = "清明节放假" },
            new CalendarDay { Date = new DateOnly(Year, 4, 8), Kind = CalendarDayKind.MakeUpWorkingDay, Note = "清明节调休上班" });
        await db.SaveChangesAsync();
    }

    private async Task<Batch> BatchAsync(int year, int number)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.AsNoTracking()
            .Include(b => b.Plans).ThenInclude(p => p.Project).SingleAsync(b => b.Year == year && b.Number == number);
    }

    private async Task<List<string>> AuditAsync(int batchId, string action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.Subject == $"Batch:{batchId}").Select(a => a.Details).ToListAsync();
    }
}
