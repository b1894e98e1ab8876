using ExamPortal.Domain.Calendar;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Data.Seed;

/// <summary>
/// Puts the announcement's reference data into an empty database. Idempotent and additive:
/// it never overwrites what the centre has since edited (fees, names, windows).
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db, RoleManager<IdentityRole> roles, IConfiguration configuration)
{
    /// <summary>The announcement cites the fee rule (川发改价格〔2023〕473号) without an amount; the centre confirms it.</summary>
    public const decimal ProvisionalFee = 100.00m;

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedRolesAsync();
        await SeedProjectsAsync(ct);
        await SeedBatchesAsync(ct);
        await SeedCalendarAsync(ct);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Enum.GetNames<Role>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedProjectsAsync(CancellationToken ct)
    {
        var fee = configuration.GetValue("Catalogue:ProvisionalFee", ProvisionalFee);
        var existing = await db.Projects.Select(p => p.Code).ToListAsync(ct);
        var order = 0;
        foreach (var definition in Announcement2026.Projects)
        {
            order++;
            if (existing.Contains(definition.Code))
            {
                continue;
            }

            db.Projects.Add(new Project
            {
                Code = definition.Code,
                Name = definition.Name,
                Eligibility = definition.Eligibility,
                Fee = fee,
                FeeIsProvisional = true,
                SortOrder = order,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    // The announcement's year is seeded only while it has no batch at all: from then on the centre owns its batches and
    // plans (renumbering, removing a plan, adding a project), and a restart must not put back what it changed.
    // Later years are the centre's alone.
    private async Task SeedBatchesAsync(CancellationToken ct)
    {
        const int year = Announcement2026.Year;
        if (await db.Batches.AnyAsync(b => b.Year == year, ct))
        {
            return;
        }

        var codes = Announcement2026.Projects.Select(p => p.Code).ToList();
        var projectIds = await db.Projects.Where(p => codes.Contains(p.Code)).Select(p => p.Id).ToListAsync(ct);
        foreach (var definition in Announcement2026.Batches)
        {
            var batch = new Batch
            {
                Year = year,
                Number = definition.Number,
                RegistrationStart = definition.Registration.Start,
                RegistrationEnd = definition.Registration.End,
                ReviewStart = definition.Review.Start,
                ReviewEnd = definition.Review.End,
                PaymentStart = definition.Payment.Start,
                PaymentEnd = definition.Payment.End,
                TicketPrintingStart = definition.TicketPrinting.Start,
                TicketPrintingEnd = definition.TicketPrinting.End,
                ExamDate = definition.ExamDate,
            };
            batch.Plans.AddRange(projectIds.Select(projectId => new ExamPlan { ProjectId = projectId }));
            db.Batches.Add(batch);
        }

        await db.SaveChangesAsync(ct);
    }

    // Only 2026 is seeded, once; every other year is entered by the centre, and a 2026 day it changed stays changed.
    private async Task SeedCalendarAsync(CancellationToken ct)
    {
        if (await db.CalendarYears.AnyAsync(y => y.Year == OfficialCalendar2026.Year, ct))
        {
            return;
        }

        db.CalendarYears.Add(new CalendarYear
        {
            Year = OfficialCalendar2026.Year,
            Source = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
        });
        db.CalendarDays.AddRange(OfficialCalendar2026.Exceptions.Select(e => new CalendarDay
        {
            Date = e.Date,
            Kind = e.Kind,
            Note = e.Note,
        }));
        await db.SaveChangesAsync(ct);
    }
}
