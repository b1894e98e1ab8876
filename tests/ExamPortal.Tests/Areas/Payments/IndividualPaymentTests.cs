using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>个人缴费 through the candidate's payment page: what it shows, when it takes a receipt, and what it keeps when it refuses one.</summary>
[Collection(SharedPortal.Name)]
public sealed class IndividualPaymentTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task The_payment_page_exists_only_after_approval_and_shows_payee_fee_window_receipt_items_and_the_warning()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var payee = await _scenario.PayeeAsync();
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(userId);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync(PageOf(id))).StatusCode);
        Assert.Null((await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}")).QuerySelector("#payment-link"));

        var approved = await _scenario.WorkflowAsync(w => w.ApproveAsync(id, _scenario.VersionOf(id), Scenario.Reviewer, null, CancellationToken.None));
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Contains("待缴费", (await candidate.GetDocumentAsync($"/Candidate/Registrations/View/{id}")).QuerySelector("#payment-link")!.TextContent, StringComparison.Ordinal);
        var page = await candidate.GetDocumentAsync(PageOf(id));

        var account = page.QuerySelector("#payee-account")!.TextContent;
        Assert.Contains(payee.PayeeName, account, StringComparison.Ordinal);
        Assert.Contains(payee.AccountNumber, account, StringComparison.Ordinal);
        Assert.Contains(payee.BankName, account, StringComparison.Ordinal);
        Assert.StartsWith("¥100.00", page.QuerySelector("#fee")!.TextContent.Trim(), StringComparison.Ordinal);
        var window = page.QuerySelector("#payment-window")!.TextContent;
        Assert.Contains("2026年4月1日", window, StringComparison.Ordinal);
        Assert.Contains("2026年4月3日", window, StringComparison.Ordinal);
        Assert.Contains("23:59", window, StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.Contains("收款人名称、收款人账号、付款人名称、转账金额", text, StringComparison.Ordinal);
        Assert.Contains("请勿重复缴费", text, StringComparison.Ordinal);
        Assert.Equal("待缴费", page.QuerySelector("#payment-stage")!.TextContent.Trim());

        // 3月10日 is before the window: everything is shown, nothing can be submitted yet.
        Assert.Null(page.QuerySelector("#payment-form"));
        Assert.Contains("2026年4月1日", page.QuerySelector("#payment-closed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_in_the_window_awaits_confirmation_and_a_wrong_amount_keeps_the_typed_values_and_the_uploaded_receipt()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ApprovedInBatchAsync(userId);
        var name = (await _scenario.RegistrationAsync(id)).Details!.FullName;
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var page = await candidate.GetDocumentAsync(PageOf(id));
        var serial = Scenario.Serial();

        var refused = await HtmlForms.ReadAsync(await candidate.UploadAsync(page, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", new Dictionary<string, string>
        {
            ["Input.PayerName"] = name,
            ["Input.Amount"] = "90",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = serial,
        }));

        var errors = Errors(refused);
        Assert.Contains("¥90.00", errors, StringComparison.Ordinal);
        Assert.Contains("¥100.00", errors, StringComparison.Ordinal);
        Assert.Equal("90", Value(refused, "Input.Amount"));
        Assert.Equal(serial, Value(refused, "Input.BankSerialNumber"));
        Assert.Equal("2026-04-01", Value(refused, "Input.TransferDate"));
        Assert.Equal(name, Value(refused, "Input.PayerName"));
        Assert.True(Guid.TryParse(Value(refused, "Input.PendingReceiptId"), out var receiptId), "the uploaded receipt is kept for the next attempt");
        Assert.NotNull(refused.QuerySelector("#pending-receipt"));
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync(refused.QuerySelector("#pending-receipt a")!.GetAttribute("href"))).StatusCode);
        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(id)).Status);
        Assert.Empty(await PaymentsOfAsync(id));

        // Corrected without choosing the file again: the receipt uploaded with the refused attempt is the one submitted.
        var accepted = await candidate.SubmitAsync(refused, "#payment-form", new Dictionary<string, string> { ["Input.Amount"] = "100.00" });

        Assert.EndsWith($"/Candidate/Registrations/Payment/{id}", await accepted.RedirectedToAsync(), StringComparison.Ordinal);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        var payment = Assert.Single(await PaymentsOfAsync(id));
        Assert.Equal((receiptId, 100m, 100m, serial, PaymentStatus.Submitted, false), (payment.ReceiptFileId, payment.Amount, payment.ExpectedAmount, payment.BankSerialNumber, payment.Status, payment.PaidByOther));
        Assert.Equal(payment.Id, registration.PaymentId);
        Assert.Single(registration.History, e => e.Action == RegistrationActions.PaymentSubmitted && e.To == RegistrationStatus.PaymentSubmitted);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "缴费凭证已提交，等待确认" && m.RegistrationId == id);
        var after = await candidate.GetDocumentAsync(PageOf(id));
        Assert.Equal("待确认", after.QuerySelector("#payment-stage")!.TextContent.Trim());
        Assert.Contains(serial, after.QuerySelector("#receipts")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#payment-form"));
    }

    [Fact]
    public async Task Paid_by_someone_else_shows_the_remark_filled_in_and_needs_it_confirmed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ApprovedInBatchAsync(userId);
        var name = (await _scenario.RegistrationAsync(id)).Details!.FullName;
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var page = await candidate.GetDocumentAsync(PageOf(id));
        var remark = $"该笔费用由李四代{name}缴纳2026年4月25日考试日期大数据运行平台搭建考试项目的费用，金额为100.00元";

        var refused = await HtmlForms.ReadAsync(await candidate.UploadAsync(page, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", new Dictionary<string, string>
        {
            ["Input.PayerName"] = "李四",
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
            ["Input.PaidByOther"] = "true",
        }));

        Assert.Contains("他人代缴须在银行回单上备注", Errors(refused), StringComparison.Ordinal);
        Assert.Equal(remark, refused.QuerySelector("#proxy-remark-text")!.TextContent.Trim());
        Assert.True(refused.QuerySelector<IHtmlInputElement>("#paid-by-other")!.IsChecked);
        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(id)).Status);

        var accepted = await candidate.SubmitAsync(refused, "#payment-form", new Dictionary<string, string> { ["Input.RemarkConfirmed"] = "true" });

        await accepted.RedirectedToAsync();
        var payment = Assert.Single(await PaymentsOfAsync(id));
        Assert.Equal(("李四", true, remark), (payment.PayerName, payment.PaidByOther, payment.Remark));
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(id)).Status);
    }

    [Fact]
    public async Task The_window_takes_receipts_from_its_first_to_its_last_minute_and_refuses_them_a_minute_later()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var first = await ApprovedCandidateAsync();
        var last = await ApprovedCandidateAsync();
        var late = await ApprovedCandidateAsync();

        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 31, 23, 59, 0, ChinaTime.Offset));
        var early = await (await portal.AsAsync(first.Mobile, Scenario.Password)).GetDocumentAsync(PageOf(first.Id));
        Assert.Null(early.QuerySelector("#payment-form"));
        Assert.NotNull(early.QuerySelector("#payment-closed"));

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 1, 0, 0, 0, ChinaTime.Offset));
        await PayAsync(first);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(first.Id)).Status);

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 3, 23, 59, 0, ChinaTime.Offset));
        await PayAsync(last);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(last.Id)).Status);

        // The form was opened at 23:59 and sent at midnight: refused, with the window's dates.
        var client = await portal.AsAsync(late.Mobile, Scenario.Password);
        var open = await client.GetDocumentAsync(PageOf(late.Id));
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 4, 0, 0, 0, ChinaTime.Offset));
        var response = await client.UploadAsync(open, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", Claim(late.Name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlForms.ReadAsync(response);
        Assert.Contains("本批次缴费时间为2026年4月1日至4月3日，现已截止", Errors(refused), StringComparison.Ordinal);
        var closed = refused.QuerySelector("#payment-closed")!.TextContent;
        Assert.Contains("2026年4月1日", closed, StringComparison.Ordinal);
        Assert.Contains("2026年4月3日", closed, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("#payment-form"));
        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(late.Id)).Status);
        Assert.Empty(await PaymentsOfAsync(late.Id));
        var again = await (await portal.AsAsync(late.Mobile, Scenario.Password)).GetDocumentAsync(PageOf(late.Id));
        Assert.Null(again.QuerySelector("#payment-form"));
    }

    private async Task<(Guid Id, string Mobile, string Name)> ApprovedCandidateAsync()
    {
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ApprovedInBatchAsync(userId);
        return (id, mobile, (await _scenario.RegistrationAsync(id)).Details!.FullName);
    }

    private async Task PayAsync((Guid Id, string Mobile, string Name) who)
    {
        var client = await portal.AsAsync(who.Mobile, Scenario.Password);
        var page = await client.GetDocumentAsync(PageOf(who.Id));
        var response = await client.UploadAsync(page, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", Claim(who.Name));
        Assert.EndsWith($"/Candidate/Registrations/Payment/{who.Id}", await response.RedirectedToAsync(), StringComparison.Ordinal);
    }

    private Dictionary<string, string> Claim(string payer) => new()
    {
        ["Input.PayerName"] = payer,
        ["Input.Amount"] = "100.00",
        ["Input.TransferDate"] = ChinaTime.DateOf(portal.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.BankSerialNumber"] = Scenario.Serial(),
    };

    private async Task<List<Payment>> PaymentsOfAsync(Guid registrationId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Payments.AsNoTracking().ToListAsync())
            .Where(p => p.RegistrationIds.Contains(registrationId)).ToList();
    }

    internal static string PageOf(Guid id) => $"/Candidate/Registrations/Payment/{id}";

    internal static string Errors(IDocument page) => page.QuerySelector("div.errors")?.TextContent ?? string.Empty;

    internal static string? Value(IDocument page, string name) => page.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;
}
