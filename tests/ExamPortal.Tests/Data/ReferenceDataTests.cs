using ExamPortal.Domain.Calendar;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Data;

/// <summary>The announcement's reference data as it lands in PostgreSQL, written out by hand from attachment 2.</summary>
[Collection(SharedPortal.Name)]
public sealed class ReferenceDataTests(PortalFactory portal)
{
    public static TheoryData<int, string, string, string, string, string, string, string, string, string> PrintedSchedule => new()
    {
        { 1, "02-06", "02-13", "02-24", "03-06", "03-09", "03-11", "03-23", "03-27", "03-28" },
        { 2, "03-09", "03-16", "03-16", "03-27", "04-01", "04-03", "04-20", "04-24", "04-25" },
        { 3, "03-31", "04-13", "04-13", "04-24", "04-27", "04-29", "05-18", "05-22", "05-23" },
        { 4, "04-29", "05-11", "05-11", "05-22", "05-25", "05-27", "06-08", "06-12", "06-13" },
        { 5, "05-25", "06-01", "06-01", "06-12", "06-15", "06-17", "07-06", "07-10", "07-11" },
        { 6, "06-29", "07-06", "07-06", "07-17", "07-20", "07-22", "08-03", "08-07", "08-08" },
        { 7, "08-10", "08-17", "08-17", "08-28", "08-31", "09-02", "09-14", "09-18", "09-19" },
        { 8, "08-31", "09-07", "09-07", "09-18", "09-21", "09-23", "10-19", "10-23", "10-24" },
        { 9, "09-14", "09-21", "09-21", "10-12", "10-19", "10-21", "11-02", "11-06", "11-07" },
        { 10, "10-26", "11-02", "11-02", "11-13", "11-16", "11-18", "11-30", "12-04", "12-05" },
    };

    private static DateOnly D(string monthDay) => DateOnly.Parse("2026-" + monthDay, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(PrintedSchedule))]
    public async Task Each_batch_is_stored_with_the_printed_windows(int number, string regStart, string regEnd, string reviewStart, string reviewEnd,
        string payStart, string payEnd, string printStart, string printEnd, string exam)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Year == 2026 && b.Number == number);

        Assert.Equal((D(regStart), D(regEnd)), (batch.RegistrationStart, batch.RegistrationEnd));
        Assert.Equal((D(reviewStart), D(reviewEnd)), (batch.ReviewStart, batch.ReviewEnd));
        Assert.Equal((D(payStart), D(payEnd)), (batch.PaymentStart, batch.PaymentEnd));
        Assert.Equal((D(printStart), D(printEnd)), (batch.TicketPrintingStart, batch.TicketPrintingEnd));
        Assert.Equal(D(exam), batch.ExamDate);
    }

    [Fact]
    public async Task Exactly_22_projects_10_batches_and_a_plan_for_every_batch_and_project()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var codes = await db.Projects.OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 22).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), codes);
        Assert.Equal(10, await db.Batches.CountAsync(b => b.Year == 2026));
        Assert.Equal(220, await db.ExamPlans.CountAsync(p => p.Batch.Year == 2026));
        Assert.All(await db.Projects.ToListAsync(), p => Assert.True(p.FeeIsProvisional && p.Fee == ReferenceDataSeeder.ProvisionalFee));
    }

    [Fact]
    public async Task Eligibility_survives_the_round_trip_through_jsonb()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var stored = await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "19");

        var expected = ExamPortal.Domain.Catalogue.Announcement2026.Projects.Single(p => p.Code == "19").Eligibility;
        Assert.Equal(expected.Wording, stored.Eligibility.Wording);
        Assert.Equal(expected.Paths.Count, stored.Eligibility.Paths.Count);
        Assert.Equal(expected.Paths.SelectMany(p => p.Majors), stored.Eligibility.Paths.SelectMany(p => p.Majors));
        Assert.Equal(expected.Paths.SelectMany(p => p.Occupations), stored.Eligibility.Paths.SelectMany(p => p.Occupations));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_keeps_the_centres_edits()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Code == "22");
        var originalFee = project.Fee;
        project.Fee = 123.45m;
        await db.SaveChangesAsync();

        try
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);

            Assert.Equal(22, await db.Projects.CountAsync());
            Assert.Equal(220, await db.ExamPlans.CountAsync(p => p.Batch.Year == 2026));
            Assert.Equal(33, await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.Holiday && d.Date.Year == 2026));
            Assert.Equal(6, await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.MakeUpWorkingDay && d.Date.Year == 2026));
            Assert.Equal(123.45m, (await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "22")).Fee);
        }
        finally
        {
            project.Fee = originalFee;
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [InlineData("2026-02-13", 10, "2026-03-05")]
    [InlineData("2026-04-30", 10, "2026-05-18")]
    [InlineData("2026-09-30", 10, "2026-10-20")]
    public async Task The_calendar_service_counts_working_days_from_the_database(string from, int days, string expected)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();

        var result = await calendar.AddWorkingDaysAsync(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days, CancellationToken.None);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Fact]
    public async Task A_year_without_a_calendar_is_refused_loudly()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();

        var error = await Assert.ThrowsAsync<CalendarYearMissingException>(() => calendar.IsWorkingDayAsync(new DateOnly(2040, 3, 1), CancellationToken.None));

        Assert.Contains("2040年", error.Message, StringComparison.Ordinal);
    }
}
