using System.Globalization;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ExamPortal.Bench;

/// <summary>A realistic applicant sheet of valid rows, unique per run so every run imports new people.</summary>
internal static class Sheet
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static byte[] Build(int rows, int run)
    {
        var table = new List<Dictionary<string, object>>(rows);
        for (var i = 0; i < rows; i++)
        {
            // One birth date per row and the run as the sequence number: a new person in every run.
            var birth = new DateOnly(1960, 1, 1).AddDays(i);
            var body = $"510104{birth:yyyyMMdd}{run % 1000:000}";
            var sum = body.Select((c, k) => (c - '0') * Weights[k]).Sum();
            table.Add(new Dictionary<string, object>
            {
                [ApplicantColumns.SequenceNumber.Header] = (i + 1).ToString(CultureInfo.InvariantCulture),
                [ApplicantColumns.FullName.Header] = $"考生{i:0000}",
                [ApplicantColumns.IdDocumentType.Header] = "居民身份证",
                [ApplicantColumns.IdNumber.Header] = body + "10X98765432"[sum % 11],
                [ApplicantColumns.Gender.Header] = string.Empty,
                [ApplicantColumns.BirthDate.Header] = string.Empty,
                [ApplicantColumns.Mobile.Header] = $"139{run:00}{i:000000}",
                [ApplicantColumns.Education.Header] = "大学本科",
                [ApplicantColumns.School.Header] = "四川大学",
                [ApplicantColumns.Major.Header] = "环境工程",
                [ApplicantColumns.Employer.Header] = "成都碳资产公司",
                [ApplicantColumns.Occupation.Header] = "工程技术人员",
                [ApplicantColumns.Project.Header] = "碳排放交易",
                [ApplicantColumns.Condition.Header] = "高中（或同等学历）及以上学历",
            });
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "考生信息");
        return stream.ToArray();
    }

    public static async Task<(Actor Staff, int InstitutionId)> InstitutionAsync(IServiceProvider services, int run)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var institution = new Institution { Name = $"基准测试机构{run}", CreditCode = $"B{stamp}{run:0000}", ContactPerson = "基准", ContactPhone = "028-80000000" };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        var user = new PortalUser { UserName = $"bench{stamp}@bench.local", FullName = "基准", InstitutionId = institution.Id };
        await services.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user);
        return (new Actor(user.Id, Role.InstitutionStaff), institution.Id);
    }
}
