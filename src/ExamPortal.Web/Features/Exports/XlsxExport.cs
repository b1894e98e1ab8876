using System.Globalization;
using System.Runtime.CompilerServices;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ExamPortal.Web.Features.Exports;

/// <summary>
/// Any list as an .xlsx download, written to the response while the rows are read: MiniExcel (1.46) takes the rows as an
/// IAsyncEnumerable and writes each one into the zip stream as it comes (it needs no seekable stream: without one it
/// leaves out the optional dimension element), so memory stays flat however long the list is. Pass an AsNoTracking
/// query's AsAsyncEnumerable (or an async iterator over one) — never a list.
/// Each export writes one ListExported audit entry when it ends: by then the number of rows is known, and an export
/// cut off half-way (the user cancelled, the connection dropped) is still recorded, as interrupted, with the rows sent.
/// </summary>
public sealed class XlsxExport(PortalDbContext db, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="actor">Who exports: the audit entry's actor.</param>
    /// <param name="list">The list's Chinese name: the file name, the sheet name and the audit entry's subject.</param>
    /// <param name="filters">The filters in Chinese, for the audit entry (e.g. "批次：2026年第1批；状态：待审核").</param>
    /// <param name="rows">The rows, streamed; a row type's ExcelColumn attributes name and format its columns (Format = "@" keeps ID numbers text).</param>
    public IActionResult File<T>(Actor actor, string list, string filters, IAsyncEnumerable<T> rows) =>
        new XlsxStreamResult<T>(this, actor, list, filters, rows);

    /// <summary>"导出报名审核：批次：…；共20000行" — the audit entry's details; "（下载中断）" when the export did not finish.</summary>
    public static string Details(string list, string filters, int rows, bool completed) =>
        $"导出{list}：{filters}；共{rows}行{(completed ? string.Empty : "（下载中断）")}";

    private async Task WriteAsync<T>(HttpResponse response, Actor actor, string list, string filters, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        response.ContentType = ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        var stamp = ChinaTime.ToChina(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        disposition.SetHttpFileName($"{list}-{stamp}.xlsx");
        response.Headers.ContentDisposition = disposition.ToString();

        // MiniExcel writes the rows asynchronously, but the zip's small parts (entry headers, the central directory
        // when the archive is disposed) synchronously: a few kilobytes, which Kestrel refuses unless allowed.
        if (response.HttpContext.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        var count = new StrongBox<int>();
        var completed = false;
        try
        {
            await response.Body.SaveAsAsync(Counted(rows, count, ct), sheetName: SheetName(list),
                configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }, cancellationToken: ct);
            completed = true;
        }
        finally
        {
            // The request may be aborted: the entry is written regardless.
            AuditTrail.Record(db, actor, clock.GetUtcNow(), AuditTrail.ListExported, list, Details(list, filters, count.Value, completed));
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    // Excel allows at most 31 characters in a sheet name.
    private static string SheetName(string list) => list.Length <= 31 ? list : list[..31];

    private static async IAsyncEnumerable<T> Counted<T>(IAsyncEnumerable<T> rows, StrongBox<int> count, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            count.Value++;
            yield return row;
        }
    }

    private sealed class XlsxStreamResult<T>(XlsxExport export, Actor actor, string list, string filters, IAsyncEnumerable<T> rows) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return export.WriteAsync(context.HttpContext.Response, actor, list, filters, rows, context.HttpContext.RequestAborted);
        }
    }
}
