using ExamPortal.Web.Infrastructure.Logging;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Data.Seed;

/// <summary>One account per role so a newcomer can click through every area. Never run in Production.</summary>
public sealed class DemoDataSeeder(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const string Password = "Demo@2026pass";
    public const string CandidateLogin = "13800000001";

    public static readonly IReadOnlyList<(string Login, string FullName, Role Role)> StaffAccounts =
    [
        ("inst@demo.local", "李经办", Role.InstitutionStaff),
        ("reviewer@demo.local", "王审核", Role.CentreReviewer),
        ("finance@demo.local", "赵财务", Role.CentreFinance),
        ("exam@demo.local", "钱考务", Role.CentreExam),
        ("admin@demo.local", "孙管理", Role.CentreAdmin),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.CreditCode == "91510100MA6CA1B2C0", ct);
        if (institution is null)
        {
            institution = new Institution
            {
                Name = "成都示范职业技术学院",
                CreditCode = "91510100MA6CA1B2C0",
                ContactPerson = "李经办",
                ContactPhone = "028-80000000",
                Address = "成都市武侯区示范路1号",
            };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync(ct);
        }

        var number = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, "510104199001011230").Number!;
        await EnsureAsync(new PortalUser
        {
            UserName = CandidateLogin,
            PhoneNumber = CandidateLogin,
            FullName = "张三",
            IdDocumentType = number.Type,
            IdNumber = number.Value,
            Gender = number.Gender,
            BirthDate = number.BirthDate,
        }, Role.Candidate);

        var second = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, "510104199203154512").Number!;
        await EnsureAsync(new PortalUser
        {
            UserName = DemoRegistrationSeeder.SecondCandidateLogin,
            PhoneNumber = DemoRegistrationSeeder.SecondCandidateLogin,
            FullName = "李四",
            IdDocumentType = second.Type,
            IdNumber = second.Value,
            Gender = second.Gender,
            BirthDate = second.BirthDate,
        }, Role.Candidate);

        foreach (var (login, fullName, role) in StaffAccounts)
        {
            await EnsureAsync(new PortalUser
            {
                UserName = login,
                Email = login,
                EmailConfirmed = true,
                FullName = fullName,
                InstitutionId = role == Role.InstitutionStaff ? institution.Id : null,
            }, role);
        }

        await SeedVenueAsync(ct);

        // A sample account so the payment pages work out of the box; a CentreAdmin replaces it in 缴费设置.
        if (!await db.PayeeAccounts.AnyAsync(ct))
        {
            var admin = await users.FindByNameAsync(StaffAccounts[^1].Login);
            db.PayeeAccounts.Add(new PayeeAccount
            {
                PayeeName = "四川省职业技能鉴定指导中心",
                AccountNumber = "5105 0000 0000 0000 0000（演示账号）",
                BankName = "中国建设银行成都市分行（演示）",
                UpdatedAt = clock.GetUtcNow(),
                UpdatedByUserId = admin!.Id,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    // A venue with standing rooms, so 考场和考核安排 can copy rooms into a batch out of the box.
    private async Task SeedVenueAsync(CancellationToken ct)
    {
        const string name = "四川省职业技能鉴定指导中心考点";
        if (await db.Venues.AnyAsync(v => v.Name == name, ct))
        {
            return;
        }

        var venue = new Venue { Name = name, Address = "成都市青羊区东二巷18号" };
        venue.Rooms.AddRange(
        [
            new VenueRoom { Name = "第01考场", Location = "5楼501室", Capacity = 30, SortOrder = 1 },
            new VenueRoom { Name = "第02考场", Location = "5楼502室", Capacity = 30, SortOrder = 2 },
            new VenueRoom { Name = "第03考场", Location = "6楼601机房", Capacity = 40, SortOrder = 3 },
        ]);
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureAsync(PortalUser user, Role role)
    {
        if (await users.FindByNameAsync(user.UserName!) is not null)
        {
            return;
        }

        user.CreatedAt = clock.GetUtcNow();
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo account for {role} not created: {string.Join("; ", created.Errors.Select(e => e.Code))}");
        }

        await users.AddToRoleAsync(user, role.ToString());
        logger.DemoAccountCreated(role);
    }
}
