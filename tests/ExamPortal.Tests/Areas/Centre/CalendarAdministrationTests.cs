using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>
/// A CentreAdmin enters a year's holiday calendar on /Centre/Admin/Calendar. Year 2029 is this test's own
/// (2027 belongs to the browser test, 2028 to the batch tests).
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class CalendarAdministrationTests(PortalFactory portal)
{
    private const int Year = 2029;

    [Fact]
    public async Task A_centre_admin_enters_a_year_its_holidays_and_a_make_up_day_and_bad_entries_are_refused_with_the_input_kept()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var years = await admin.GetDocumentAsync("/Centre/Admin/Calendar");

        var noSource = await HtmlForms.ReadAsync(await admin.SubmitAsync(years, "#add-year", Values(("Year", $"{Year}"), ("Source", " "))));
        Assert.Contains("请填写依据", Errors(noSource), StringComparison.Ordinal);
        Assert.Equal($"{Year}", noSource.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Year")!.Value);

        var added = await admin.SubmitAsync(noSource, "#add-year", Values(("Source", $"国务院办公厅关于{Year}年部分节假日安排的通知")));
        var yearPage = await admin.GetDocumentAsync(await added.RedirectedToAsync());
        Assert.Equal($"/Centre/Admin/Calendar/Year/{Year}", new Uri(yearPage.Url).AbsolutePath);

        var holidays = await admin.SubmitAsync(yearPage, "#add-holidays", Values(("HolidayFrom", $"{Year}-01-23"), ("HolidayTo", $"{Year}-01-29"), ("HolidayNote", "春节放假")));
        yearPage = await admin.GetDocumentAsync(await holidays.RedirectedToAsync());
        Assert.Contains("已录入放假日期", yearPage.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);

        // 2029-01-22 is a Monday: not a make-up working day; the form keeps the date and the note.
        var weekday = await HtmlForms.ReadAsync(await admin.SubmitAsync(yearPage, "#add-make-up", Values(("MakeUpDate", $"{Year}-01-22"), ("MakeUpNote", "春节调休上班"))));
        Assert.Contains($"调休上班日{Year}年1月22日不是周六或周日", weekday.QuerySelector("#MakeUpDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("春节调休上班", weekday.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#MakeUpNote")!.Value);
        Assert.Equal($"{Year}-01-22", weekday.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#MakeUpDate")!.Value);

        var twice = await HtmlForms.ReadAsync(await admin.SubmitAsync(weekday, "#add-make-up", Values(("MakeUpDate", $"{Year}-01-27"), ("MakeUpNote", "春节调休上班"))));
        Assert.Contains($"{Year}年1月27日重复录入", twice.QuerySelector("#MakeUpDate-error")!.TextContent, StringComparison.Ordinal);

        var saturday = await admin.SubmitAsync(twice, "#add-make-up", Values(("MakeUpDate", $"{Year}-02-03"), ("MakeUpNote", "春节调休上班")));
        yearPage = await admin.GetDocumentAsync(await saturday.RedirectedToAsync());
        Assert.Equal(8, yearPage.QuerySelectorAll("#calendar-days tbody tr").Length);

        var remove = yearPage.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("#calendar-days form").Single(f => f.Action.Contains($"date={Year}-01-29", StringComparison.Ordinal));
        yearPage = await admin.GetDocumentAsync(await (await admin.SubmitAsync(yearPage, remove, Values())).RedirectedToAsync());
        Assert.DoesNotContain($"{Year}年1月29日", yearPage.QuerySelector("#calendar-days")!.TextContent, StringComparison.Ordinal);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(6, await db.CalendarDays.CountAsync(d => d.Date.Year == Year && d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(1, await db.CalendarDays.CountAsync(d => d.Date.Year == Year && d.Kind == CalendarDayKind.MakeUpWorkingDay));
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditTrail.CalendarChanged && a.Subject == $"CalendarYear:{Year}")
            .OrderBy(a => a.At).Select(a => a.Details).ToListAsync();
        Assert.Equal(4, audit.Count);
        Assert.Contains($"新增放假：{Year}-01-23至{Year}-01-29（春节放假）", audit, StringComparer.Ordinal);
        Assert.Contains($"删除放假：{Year}-01-29（春节放假）", audit, StringComparer.Ordinal);

        var shown = await admin.GetDocumentAsync($"/Centre/Calendar?year={Year}");
        Assert.Equal($"/Centre/Admin/Calendar/Year/{Year}", shown.QuerySelector("#calendar-admin-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public async Task Other_centre_roles_get_403_and_see_no_admin_link(Role role)
    {
        var client = await portal.AsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Centre/Admin/Calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Centre/Admin/Calendar/Year/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Centre/Admin/Batches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Centre/Admin/Batches/Create")).StatusCode);
        var page = await client.GetDocumentAsync("/Centre/Calendar?year=2026");
        Assert.Null(page.QuerySelector("#calendar-admin-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostWithTokenAsync(page, "/Centre/Admin/Calendar?handler=Add", Values(("Year", "2031"), ("Source", "越权")))).StatusCode);
    }

    [Fact]
    public async Task A_year_that_batches_use_cannot_be_removed_and_a_past_day_cannot_change()
    {
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset));
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var years = await admin.GetDocumentAsync("/Centre/Admin/Calendar");
        Assert.Null(Rows(years).Single(r => r.TextContent.Contains("2026年", StringComparison.Ordinal)).QuerySelector("form"));
        var refused = await HtmlForms.ReadAsync(await admin.PostWithTokenAsync(years, "/Centre/Admin/Calendar?handler=Remove&year=2026", Values()));
        Assert.Contains("2026年已有批次", Errors(refused), StringComparison.Ordinal);

        var year = await admin.GetDocumentAsync("/Centre/Admin/Calendar/Year/2026");
        var past = await HtmlForms.ReadAsync(await admin.PostWithTokenAsync(year, "/Centre/Admin/Calendar/Year/2026?handler=Remove&date=2026-02-16", Values()));
        Assert.Contains("2026年2月16日已经过去", Errors(past), StringComparison.Ordinal);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 2, 16)));
    }

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    private static IEnumerable<IElement> Rows(IDocument page) => page.QuerySelectorAll("#calendar-years tbody tr");

    private static string Errors(IDocument page) => page.QuerySelector("div.errors")?.TextContent ?? string.Empty;
}
