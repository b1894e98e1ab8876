using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>
/// A CentreAdmin extends a batch's payment window on /Centre/Admin/PaymentSettings. Batch 10 (payment 11/16–11/18, ticket
/// printing from 11/30) is used because no other test pays in it, and its window is put back afterwards.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class PaymentSettingsTests(PortalFactory portal)
{
    private const string Page = "/Centre/Admin/PaymentSettings";
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task The_payment_window_is_extended_with_an_audit_entry_but_not_past_ticket_printing_or_after_it_closed()
    {
        var batchId = await _scenario.BatchIdAsync(10);
        portal.Clock.SetNow(new DateTimeOffset(2026, 11, 17, 10, 0, 0, ChinaTime.Offset));
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await portal.AsAsync(Role.CentreFinance)).GetAsync(Page)).StatusCode);
            var admin = await portal.AsAsync(Role.CentreAdmin);
            var page = await admin.GetDocumentAsync(Page);

            var tooLate = await ExtendAsync(admin, page, "2026-11-30", "银行系统升级");
            Assert.Contains("须早于打印准考证开始日期（2026年11月30日）", Errors(tooLate), StringComparison.Ordinal);
            var noReason = await ExtendAsync(admin, tooLate, "2026-11-25", " ");
            Assert.Contains("请填写延长缴费期的原因", Errors(noReason), StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 11, 18), await PaymentEndAsync(batchId));
            Assert.Empty(await AuditAsync(batchId));

            var extended = await admin.SubmitAsync(noReason, FormOf(noReason), new Dictionary<string, string> { ["NewEnd"] = "2026-11-25", ["Reason"] = "银行系统升级，部分考生无法转账" });

            var shown = await admin.GetDocumentAsync(await extended.RedirectedToAsync());
            Assert.Contains("缴费截止日期已延长", shown.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 11, 25), await PaymentEndAsync(batchId));
            var audit = Assert.Single(await AuditAsync(batchId));
            Assert.Equal(nameof(Role.CentreAdmin), audit.ActorRole);
            Assert.Contains("由2026-11-18延长至2026-11-25", audit.Details, StringComparison.Ordinal);
            Assert.Contains("银行系统升级，部分考生无法转账", audit.Details, StringComparison.Ordinal);
            Assert.Contains(audit.Details, shown.QuerySelector("#settings-trail")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("11月16日—11月25日", RowOf(shown).TextContent, StringComparison.Ordinal);

            // The day after the (extended) window: too late to extend, nothing changes.
            portal.Clock.SetNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, ChinaTime.Offset));
            admin = await portal.AsAsync(Role.CentreAdmin);
            var after = await ExtendAsync(admin, await admin.GetDocumentAsync(Page), "2026-11-28", "再延长两天");
            Assert.Contains("缴费期已于2026年11月25日结束", Errors(after), StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2026, 11, 25), await PaymentEndAsync(batchId));
            Assert.Single(await AuditAsync(batchId));
        }
        finally
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.Where(b => b.Id == batchId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.PaymentEnd, new DateOnly(2026, 11, 18)));
        }
    }

    private static async Task<IDocument> ExtendAsync(HttpClient admin, IDocument page, string newEnd, string reason) =>
        await HtmlForms.ReadAsync(await admin.SubmitAsync(page, FormOf(page), new Dictionary<string, string> { ["NewEnd"] = newEnd, ["Reason"] = reason }));

    private static IElement RowOf(IDocument page) =>
        page.QuerySelectorAll("#payment-windows tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "2026年第10批");

    private static IHtmlFormElement FormOf(IDocument page) => RowOf(page).QuerySelector<IHtmlFormElement>("form")!;

    private static string Errors(IDocument page) => page.QuerySelector("div.errors")?.TextContent ?? string.Empty;

    private async Task<DateOnly> PaymentEndAsync(int batchId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Batches.Where(b => b.Id == batchId).Select(b => b.PaymentEnd).SingleAsync();
    }

    private async Task<List<Web.Data.Entities.AuditEntry>> AuditAsync(int batchId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "PaymentWindowExtended" && a.Subject == $"Batch:{batchId}").ToListAsync();
    }
}
