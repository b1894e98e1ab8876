using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>Every centre queue exports as .xlsx, streamed, with one ListExported audit entry per export.</summary>
[Collection(SharedPortal.Name)]
public sealed class ExportTests(PortalFactory portal)
{
    private const int LargeRows = 20_000;
    private const int DetailsLength = 2_000;
    private readonly Scenario _scenario = new(portal);

    public static TheoryData<string, Role, string, string> Queues => new()
    {
        { "/Centre/Reviews", Role.CentreReviewer, "报名审核", "报名编号" },
        { "/Centre/Payments", Role.CentreFinance, "缴费确认", "付款人" },
        { "/Centre/Plans", Role.CentreReviewer, "考核计划人数", "项目代码" },
        { "/Centre/Corrections", Role.CentreReviewer, "更正申请", "报名编号" },
        { "/Centre/Submissions", Role.CentreReviewer, "机构提交与纸质原件", "编号" },
        { "/Centre/Tickets", Role.CentreExam, "准考证发放名单", "准考证号" },
        { "/Centre/Results/Objections", Role.CentreExam, "成绩异议", "姓名" },
        { "/Centre/Certificates", Role.CentreExam, "证书台账", "证书编号" },
        { "/Centre/Results", Role.CentreExam, "考核成绩", "准考证号" },
        { "/Centre/Admin/Outbox", Role.CentreAdmin, "发送记录", "创建时间" },
        { "/Centre/Admin/Accounts", Role.CentreAdmin, "工作人员账户", "姓名" },
        { "/Centre/Admin/Audit", Role.CentreAdmin, "审计日志", "时间" },
        { "/Centre/Admin/Institutions", Role.CentreAdmin, "报名机构", "单位名称" },
    };

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task Every_queue_has_an_excel_export_that_is_audited_once(string page, Role role, string list, string firstColumn)
    {
        var client = await portal.AsAsync(role);
        var actor = await UserIdAsync(SignedIn.LoginOf(role));
        var link = (await client.GetDocumentAsync(page)).QuerySelector<IHtmlAnchorElement>("a.export-link");
        Assert.NotNull(link);
        Assert.Contains("handler=Export", link.Href, StringComparison.Ordinal);
        var before = await ExportsAsync(actor, list);

        var response = await client.GetAsync(link.Href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var header = (IDictionary<string, object?>)workbook.Query().First();
        Assert.Equal(firstColumn, header["A"]);
        var after = await ExportsAsync(actor, list);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.StartsWith($"导出{list}：", after[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_export_carries_the_id_number_as_text_and_no_mobile_number()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var candidate = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate.UserId);
        var reviewer = await portal.AsAsync(Role.CentreReviewer);

        var response = await reviewer.GetAsync($"/Centre/Reviews?handler=Export&BatchId={await _scenario.BatchIdAsync(2)}&Status=Submitted");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var workbook = new MemoryStream(bytes);
        var row = Assert.Single(workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => (string?)r["报名编号"] == id.ToString());

        Assert.Equal(candidate.IdNumber, row["证件号码"]);
        Assert.Equal("待审核", row["状态"]);
        Assert.DoesNotContain(candidate.Mobile, string.Join("|", row.Values), StringComparison.Ordinal);
    }

    /// <summary>
    /// 20,000 audit entries of 2,000 characters each: read into a list they would take over 80 MB of strings. The export
    /// is downloaded to a file while the live heap (after a full collection) is sampled; streamed, it stays far below
    /// what the list alone would take, whatever the rest of the test process holds. Every row comes back, newest first,
    /// and the export's audit entry counts them.
    /// </summary>
    [Fact]
    public async Task A_twenty_thousand_row_export_streams_without_holding_the_list()
    {
        var actor = $"bulk-{Guid.NewGuid():N}";
        await InsertEntriesAsync(actor, LargeRows);
        var admin = await portal.AsAsync(Role.CentreAdmin);
        var adminId = await UserIdAsync(SignedIn.LoginOf(Role.CentreAdmin));
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = 0L;
            using (var response = await admin.GetAsync($"/Centre/Admin/Audit?handler=Export&ActorId={actor}", HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Null(response.Content.Headers.ContentLength);
                await using var body = await response.Content.ReadAsStreamAsync();
                await using var file = File.Create(path);
                var buffer = new byte[64 * 1024];
                var chunks = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read));
                    if (++chunks % 8 == 0)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    }
                }

                Assert.True(chunks >= 16, $"only {chunks} chunks: too few samples of the heap");
            }

            const long wholeList = (long)LargeRows * DetailsLength * sizeof(char);
            Assert.True(peak < wholeList / 3, $"the live heap grew by {peak / 1_000_000} MB during the export; the list alone is {wholeList / 1_000_000} MB");

            await using var workbook = File.OpenRead(path);
            var rows = 0;
            string? first = null;
            string? last = null;
            foreach (IDictionary<string, object?> row in workbook.Query(useHeaderRow: true))
            {
                first ??= (string?)row["对象"];
                last = (string?)row["对象"];
                rows++;
            }

            Assert.Equal(LargeRows, rows);
            Assert.Equal(($"Bulk:{LargeRows}", "Bulk:1"), (first, last));
            var audit = await ExportsAsync(adminId, "审计日志");
            Assert.Contains(audit, d => d.EndsWith($"；共{LargeRows}行", StringComparison.Ordinal) && d.Contains(actor, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // One statement: generate_series makes the rows in the database, a second apart, far in the past so no other list shows them.
    private async Task InsertEntriesAsync(string actor, int count)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_entries (id, at, actor_user_id, actor_role, action, subject, details)
            SELECT gen_random_uuid(), @start + make_interval(secs => g), @actor, 'CentreAdmin', 'ExportLoadTest', 'Bulk:' || g, repeat('明', @length) || g
            FROM generate_series(1, @count) AS g
            """, connection);
        insert.Parameters.AddWithValue("start", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        insert.Parameters.AddWithValue("actor", actor);
        insert.Parameters.AddWithValue("length", DetailsLength);
        insert.Parameters.AddWithValue("count", count);
        Assert.Equal(count, await insert.ExecuteNonQueryAsync());
    }

    private async Task<List<string>> ExportsAsync(string actorUserId, string list)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditTrail.ListExported && e.ActorUserId == actorUserId && e.Subject == list)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Details).ToListAsync();
    }

    private async Task<string> UserIdAsync(string login)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.UserName == login || u.Email == login).Select(u => u.Id).FirstAsync();
    }
}
