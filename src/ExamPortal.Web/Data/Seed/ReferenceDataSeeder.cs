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

    private async Task SeedBatchesAsync(CancellationToken ct)
    {
        const int year = 2026;
        var existing = await db.Batches.Where(b => b.Year == year).Select(b => b.Number).ToListAsync(ct);
        foreach (var definition in Announcement2026.Batches.Where(d => !existing.Contains(d.Number)))
        {
            db.Batches.Add(new Batch
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
            });
        }

        await db.SaveChangesAsync(ct);

        var projectIds = await db.Projects.Select(p => p.Id).ToListAsync(ct);
        var batchIds = await db.Batches.Where(b => b.Year == year).Select(b => b.Id).ToListAsync(ct);
        var planned = (await db.ExamPlans.Select(p => new { p.BatchId, p.ProjectId }).ToListAsync(ct))
            .Select(p => (p.BatchId, p.ProjectId))
            .ToHashSet();
        foreach (var batchId in batchIds)
        {
            foreach (var projectId in projectIds.Where(projectId => !planned.Contains((batchId, projectId))))
            {
                db.ExamPlans.Add(new ExamPlan { BatchId = batchId, ProjectId = projectId });
            }
        }

        await db.SaveChangesAsync(ct);
    }

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
