using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Features.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Areas.Payments;

/// <summary>缴费确认 by the centre's finance staff: who may, what they see, and what confirming and returning do.</summary>
[Collection(SharedPortal.Name)]
public sealed class FinanceTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_reviewer_gets_403_on_the_payment_pages_and_cannot_confirm()
    {
        var (userId, registrationId, paymentId) = await SubmittedPaymentAsync(Scenario.Serial());
        var reviewer = await portal.AsAsync(Role.CentreReviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/Centre/Payments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/Centre/Payments/Decide/{paymentId}")).StatusCode);
        var home = await reviewer.GetDocumentAsync("/Centre");
        var posted = await reviewer.PostWithTokenAsync(home, $"/Centre/Payments/Decide/{paymentId}?handler=Confirm",
            new Dictionary<string, string> { ["Version"] = _scenario.PaymentVersionOf(paymentId).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(PaymentStatus.Submitted, (await _scenario.PaymentAsync(paymentId)).Status);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(registrationId)).Status);
        Assert.DoesNotContain(await _scenario.MessagesAsync(userId), m => m.Title == "已确认收费");
    }

    [Fact]
    public async Task Finance_sees_the_queue_and_the_receipt_with_the_claimed_fields_and_a_serial_used_twice_is_flagged()
    {
        var serial = Scenario.Serial();
        var (_, _, first) = await SubmittedPaymentAsync(serial);
        var (_, secondRegistration, second) = await SubmittedPaymentAsync(serial, Scenario.Batch2PaymentFirstDay.AddMinutes(5));
        var payer = (await _scenario.RegistrationAsync(secondRegistration)).Details!.FullName;
        var finance = await portal.AsAsync(Role.CentreFinance);

        var rows = await QueueRowsAsync(finance);
        var firstRow = rows.Single(r => r.QuerySelector($"a[href='/Centre/Payments/Decide/{first}']") is not null);
        var secondRow = rows.Single(r => r.QuerySelector($"a[href='/Centre/Payments/Decide/{second}']") is not null);
        Assert.True(rows.IndexOf(firstRow) < rows.IndexOf(secondRow), "oldest first");
        Assert.Contains("流水号重复", secondRow.TextContent, StringComparison.Ordinal);

        var detail = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{second}");
        var claim = detail.QuerySelector("#payment-claim")!.TextContent;
        Assert.Contains(payer, claim, StringComparison.Ordinal);
        Assert.Contains("¥100.00（应缴 ¥100.00，1人）", claim, StringComparison.Ordinal);
        Assert.Contains(serial, claim, StringComparison.Ordinal);
        Assert.Contains("2026年4月1日", claim, StringComparison.Ordinal);
        Assert.Contains(payer, detail.QuerySelector("#paid-registrations")!.TextContent, StringComparison.Ordinal);
        var receipt = await finance.GetAsync(detail.QuerySelector("#receipt-link")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("image/jpeg", receipt.Content.Headers.ContentType!.MediaType);
        var clash = detail.QuerySelector("#serial-clash")!;
        Assert.NotNull(clash.QuerySelector($"a[href='/Centre/Payments/Decide/{first}']"));
        Assert.NotNull((await finance.GetDocumentAsync($"/Centre/Payments/Decide/{first}")).QuerySelector($"#serial-clash a[href='/Centre/Payments/Decide/{second}']"));
        var (_, _, unique) = await SubmittedPaymentAsync(Scenario.Serial());
        Assert.Null((await finance.GetDocumentAsync($"/Centre/Payments/Decide/{unique}")).QuerySelector("#serial-clash"));
    }

    [Fact]
    public async Task Confirming_twice_from_a_stale_page_changes_nothing_the_second_time()
    {
        var (userId, registrationId, paymentId) = await SubmittedPaymentAsync(Scenario.Serial());
        var finance = await portal.AsAsync(Role.CentreFinance);
        var page = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");

        var first = await finance.SubmitAsync(page, "#confirm-form", new Dictionary<string, string>());
        var second = await finance.SubmitAsync(page, "#confirm-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var told = await finance.GetDocumentAsync(await second.RedirectedToAsync());
        Assert.Contains("此前已确认收费，本次未作改动", told.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("确认收费", told.QuerySelector("#payment-status")!.TextContent.Trim());
        Assert.Null(told.QuerySelector("#confirm-form"));
        var payment = await _scenario.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Confirmed, payment.Status);
        var registration = await _scenario.RegistrationAsync(registrationId);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.NotNull(registration.PaymentConfirmedAt);
        Assert.Single(registration.History, e => e.Action == RegistrationActions.PaymentConfirmed);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "已确认收费");
    }

    [Fact]
    public async Task A_returned_receipt_shows_the_reason_and_a_new_one_inside_the_window_is_confirmed()
    {
        var (userId, registrationId, paymentId) = await SubmittedPaymentAsync(Scenario.Serial());
        var finance = await portal.AsAsync(Role.CentreFinance);
        var page = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");

        var blank = await HtmlForms.ReadAsync(await finance.SubmitAsync(page, "#return-form", new Dictionary<string, string> { ["Reason"] = " " }));
        Assert.Contains("请填写退回原因", IndividualPaymentTests.Errors(blank), StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Submitted, (await _scenario.PaymentAsync(paymentId)).Status);
        const string Reason = "回单上的付款人名称与填写不一致，请上传本人转账的回单";
        await (await finance.SubmitAsync(page, "#return-form", new Dictionary<string, string> { ["Reason"] = Reason })).RedirectedToAsync();

        var returned = await _scenario.RegistrationAsync(registrationId);
        Assert.Equal((RegistrationStatus.PaymentReturned, Reason), (returned.Status, returned.PaymentReturnReason));
        Assert.Equal((PaymentStatus.Returned, Reason), ((await _scenario.PaymentAsync(paymentId)).Status, (await _scenario.PaymentAsync(paymentId)).ReturnReason));
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "缴费凭证被退回" && m.Body.Contains(Reason, StringComparison.Ordinal));
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 2, 9, 0, 0, ChinaTime.Offset));
        var candidate = await CandidateClientAsync(userId);
        var payment = await candidate.GetDocumentAsync(IndividualPaymentTests.PageOf(registrationId));
        var notice = payment.QuerySelector("#payment-returned")!.TextContent;
        Assert.Contains(Reason, notice, StringComparison.Ordinal);
        Assert.Contains("2026年4月3日", notice, StringComparison.Ordinal);
        Assert.Equal("缴费退回", payment.QuerySelector("#payment-stage")!.TextContent.Trim());

        var resubmitted = await candidate.UploadAsync(payment, "#payment-form", "receipt", Scenario.Receipt, "新回单.jpg", "image/jpeg", new Dictionary<string, string>
        {
            ["Input.PayerName"] = returned.Details!.FullName,
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-02",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        });
        await resubmitted.RedirectedToAsync();
        var again = await _scenario.RegistrationAsync(registrationId);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, again.Status);
        Assert.NotEqual(paymentId, again.PaymentId);
        Assert.Null(again.PaymentReturnReason);
        finance = await portal.AsAsync(Role.CentreFinance);
        var newPage = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{again.PaymentId}");
        await (await finance.SubmitAsync(newPage, "#confirm-form", new Dictionary<string, string>())).RedirectedToAsync();

        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(registrationId)).Status);
        Assert.Equal(PaymentStatus.Returned, (await _scenario.PaymentAsync(paymentId)).Status);
        var history = (await candidate.GetDocumentAsync(IndividualPaymentTests.PageOf(registrationId))).QuerySelectorAll("#receipts tbody tr");
        Assert.Equal(2, history.Length);
    }

    [Fact]
    public async Task A_receipt_sent_in_the_last_minute_is_confirmed_after_the_window_closed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, _, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 3, 23, 59, 0, ChinaTime.Offset));
        var paymentId = await _scenario.PaymentSubmittedAsync(userId, registrationId, Scenario.Serial());

        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 4, 0, 30, 0, ChinaTime.Offset));
        await RunAbandonmentAsync();
        Assert.Equal(RegistrationStatus.PaymentSubmitted, (await _scenario.RegistrationAsync(registrationId)).Status);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 6, 10, 0, 0, ChinaTime.Offset));
        var finance = await portal.AsAsync(Role.CentreFinance);
        var page = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");
        await (await finance.SubmitAsync(page, "#confirm-form", new Dictionary<string, string>())).RedirectedToAsync();

        var registration = await _scenario.RegistrationAsync(registrationId);
        Assert.Equal(RegistrationStatus.PaymentConfirmed, registration.Status);
        Assert.Equal(new DateOnly(2026, 4, 6), ChinaTime.DateOf(registration.PaymentConfirmedAt!.Value));
    }

    [Fact]
    public async Task A_receipt_returned_after_the_window_cannot_be_replaced_and_the_registration_is_then_abandoned()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, _, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 3, 20, 0, 0, ChinaTime.Offset));
        var paymentId = await _scenario.PaymentSubmittedAsync(userId, registrationId, Scenario.Serial());
        portal.Clock.SetNow(new DateTimeOffset(2026, 4, 5, 10, 0, 0, ChinaTime.Offset));
        var finance = await portal.AsAsync(Role.CentreFinance);
        var decide = await finance.GetDocumentAsync($"/Centre/Payments/Decide/{paymentId}");
        await (await finance.SubmitAsync(decide, "#return-form", new Dictionary<string, string> { ["Reason"] = "回单模糊，无法辨认转账金额" })).RedirectedToAsync();
        Assert.Equal(RegistrationStatus.PaymentReturned, (await _scenario.RegistrationAsync(registrationId)).Status);

        var candidate = await CandidateClientAsync(userId);
        var page = await candidate.GetDocumentAsync(IndividualPaymentTests.PageOf(registrationId));
        Assert.Null(page.QuerySelector("#payment-form"));
        Assert.Contains("缴费期已结束，不能再重新提交", page.QuerySelector("#payment-returned")!.TextContent, StringComparison.Ordinal);
        var posted = await candidate.PostWithTokenAsync(page, IndividualPaymentTests.PageOf(registrationId), new Dictionary<string, string>
        {
            ["Input.Version"] = _scenario.VersionOf(registrationId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PayerName"] = (await _scenario.RegistrationAsync(registrationId)).Details!.FullName,
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-03",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        }, ("receipt", Scenario.Receipt, "回单.jpg", "image/jpeg"));
        Assert.Contains("现已截止", IndividualPaymentTests.Errors(await HtmlForms.ReadAsync(posted)), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.PaymentReturned, (await _scenario.RegistrationAsync(registrationId)).Status);

        await RunAbandonmentAsync();

        var abandoned = await _scenario.RegistrationAsync(registrationId);
        Assert.Equal(RegistrationStatus.Abandoned, abandoned.Status);
        Assert.Contains("缴费凭证被退回", Assert.Single(abandoned.History, e => e.To == RegistrationStatus.Abandoned).Note, StringComparison.Ordinal);
        Assert.Single(await _scenario.MessagesAsync(userId), m => m.Title == "未按时缴费，视为放弃报考");
    }

    /// <summary>A candidate approved in batch 2 whose receipt was submitted at noon on 2026-04-01 (or at); the clock is left there.</summary>
    private async Task<(string UserId, Guid RegistrationId, Guid PaymentId)> SubmittedPaymentAsync(string serial, DateTimeOffset? at = null)
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, _, _) = await _scenario.CandidateAsync();
        var registrationId = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(at ?? Scenario.Batch2PaymentFirstDay);
        return (userId, registrationId, await _scenario.PaymentSubmittedAsync(userId, registrationId, serial));
    }

    private async Task<HttpClient> CandidateClientAsync(string userId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var mobile = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>().Users.Single(u => u.Id == userId).UserName!;
        return await portal.AsAsync(mobile, Scenario.Password);
    }

    private async Task<List<IElement>> QueueRowsAsync(HttpClient finance)
    {
        var rows = new List<IElement>();
        var batchId = await _scenario.BatchIdAsync(2);
        for (var page = 1; page <= 50; page++)
        {
            var found = (await finance.GetDocumentAsync($"/Centre/Payments?BatchId={batchId}&page={page}")).QuerySelectorAll("#payment-queue tbody tr");
            if (found.Length == 0)
            {
                break;
            }

            rows.AddRange(found);
        }

        return rows;
    }

    private async Task<int> RunAbandonmentAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentAbandonment>().RunAsync(CancellationToken.None);
    }
}
