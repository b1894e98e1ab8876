using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Areas.Institution.Pages.Import;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Institution;

/// <summary>Bulk entry from Excel through the institution's pages, on the real database.</summary>
[Collection(SharedPortal.Name)]
public sealed class ImportTests(PortalFactory portal)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_template_downloads_with_the_columns_and_instructions()
    {
        var staff = await portal.AsAsync(Role.InstitutionStaff);

        var response = await staff.GetAsync("/Institution/Import?handler=Template");

        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Contains("考生信息", sheets);
        Assert.Contains("填写说明", sheets);
        stream.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(stream, sheetName: "考生信息").First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(ApplicantColumns.All.Select(c => c.Header), header.Take(ApplicantColumns.All.Count));
    }

    [Fact]
    public async Task A_200_row_file_with_10_bad_rows_imports_190_and_uploading_it_again_creates_nobody_twice()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, _, institutionId) = await new Scenario(portal).InstitutionAsync("91510104MA6CTEST1X", "import@one.example");
        var file = ImportFixtures.Committed("200-rows-10-bad.xlsx");
        await new Scenario(portal).ForgetRegistrationsAsync(ImportFixtures.Read("200-rows-10-bad.xlsx").Rows.Select(r => r.IdNumber));

        var first = await UploadAsync(staff, file);
        var again = await UploadAsync(staff, file);

        Assert.Contains("导入 190 人", first.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("有问题 10 行", first.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ImportFixtures.BadRowsOfTwoHundred, first.QuerySelectorAll("tr.row-failed td[data-label='行号']").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("导入 0 人", again.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("未重复导入 190 人", again.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);

        // Imported rows are in the applicant list; the result lists the rows needing attention, 100 a page.
        Assert.Contains("共 200 行", first.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, first.QuerySelectorAll("table.stack tbody tr").Length);
        Assert.NotNull(first.QuerySelector("#imported-applicants"));
        Assert.Null(again.QuerySelector("#imported-applicants"));
        Assert.Equal(ResultModel.PageSize, again.QuerySelectorAll("table.stack tbody tr").Length);
        var secondPage = await staff.GetDocumentAsync(again.QuerySelector("nav.pager a")!.GetAttribute("href")!);
        Assert.Equal(200 - ResultModel.PageSize, secondPage.QuerySelectorAll("table.stack tbody tr").Length);
        Assert.Equal(10, secondPage.QuerySelectorAll("tr.row-failed").Length + again.QuerySelectorAll("tr.row-failed").Length);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var registrations = await db.Registrations.Where(r => r.InstitutionId == institutionId).ToListAsync();
        Assert.Equal(190, registrations.Count);
        Assert.All(registrations, r => Assert.True(r.Channel == RegistrationChannel.Institution && r.Status == RegistrationStatus.Draft && r.CandidateUserId is null));

        var report = await staff.GetAsync(first.QuerySelector("#error-report")!.GetAttribute("href"));
        var reportBytes = await report.Content.ReadAsByteArrayAsync();
        var failed = ApplicantSheetReader.Read(new MemoryStream(reportBytes), ImportFixtures.Context);
        Assert.Equal(10, failed.Rows.Count);
        var header = ((IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(new MemoryStream(reportBytes)).First()).Values.Select(v => v?.ToString());
        Assert.Contains(ImportErrorReport.ErrorColumnHeader, header);
    }

    [Fact]
    public async Task A_person_already_registered_in_the_batch_individually_is_reported_not_imported()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var scenario = new Scenario(portal);
        var (candidate, _, idNumber) = await scenario.CandidateAsync();
        await scenario.ReadyDraftAsync(candidate, projectCode: "17");
        var (staff, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CTEST2X", "import@two.example");
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, new Applicant { IdNumber = idNumber }.Cells()]);

        var result = await UploadAsync(staff, sheet);

        Assert.Contains("已在本批次通过其他报名机构或个人报名", result.QuerySelector("tr.row-failed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_institutions_import_result_file_and_applicants_are_out_of_reach()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (owner, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CTEST3X", "import@three.example");
        var (intruder, _, _) = await new Scenario(portal).InstitutionAsync("91510104MA6CTEST4X", "import@four.example");
        var result = await UploadAsync(owner, ImportFixtures.Committed("bad-check-digit.xlsx"));
        var resultUrl = result.Url;
        var reportUrl = result.QuerySelector("#error-report")!.GetAttribute("href")!;

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(resultUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(reportUrl)).StatusCode);
        var theirs = await intruder.GetDocumentAsync("/Institution/Applicants");
        Assert.Contains("共 0 人", theirs.Body!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(HttpClient staff, byte[] file)
    {
        var page = await staff.GetDocumentAsync("/Institution/Import");
        var response = await staff.UploadAsync(page, "#import-upload", "upload", file, "考生.xlsx", Xlsx);
        return await staff.GetDocumentAsync(await response.RedirectedToAsync());
    }
}
