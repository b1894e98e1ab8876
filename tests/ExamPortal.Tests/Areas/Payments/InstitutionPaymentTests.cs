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

/// <summary>机构缴费: one receipt for the approved applicants an institution selects, and nothing for anyone else's staff.</summary>
[Collection(SharedPortal.Name)]
public sealed class InstitutionPaymentTests(PortalFactory portal)
{
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task One_receipt_pays_for_the_selected_applicants_and_its_amount_must_be_head_count_times_fee()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (_, staffId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CPAYA1X", "pay@one.example");
        var ids = await _scenario.InstitutionApprovedAsync(staffId, institutionId, ["缴费甲", "缴费乙", "缴费丙"]);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var staff = await portal.AsAsync("pay@one.example", Scenario.Password);
        var page = await staff.GetDocumentAsync($"/Institution/Payments?BatchId={batchId}");

        Assert.Equal(3, page.QuerySelectorAll("#payable tbody tr").Length);
        Assert.All(page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.RegistrationIds']"), box => Assert.True(box.IsChecked));
        Assert.Contains("考核日期：2026年4月25日；人数：3人", page.Body!.TextContent, StringComparison.Ordinal);
        Box(page, ids[2]).IsChecked = false;
        var serial = Scenario.Serial();

        var response = await staff.UploadAsync(page, "#institution-payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", new Dictionary<string, string>
        {
            ["Input.PayerName"] = "测试机构A1X",
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = serial,
        });

        var refused = await HtmlForms.ReadAsync(response);
        var errors = IndividualPaymentTests.Errors(refused);
        Assert.Contains("¥100.00", errors, StringComparison.Ordinal);
        Assert.Contains("2人应缴合计¥200.00", errors, StringComparison.Ordinal);
        Assert.Equal("100", IndividualPaymentTests.Value(refused, "Input.Amount"));
        Assert.Equal(serial, IndividualPaymentTests.Value(refused, "Input.BankSerialNumber"));
        Assert.True(Box(refused, ids[0]).IsChecked && Box(refused, ids[1]).IsChecked && !Box(refused, ids[2]).IsChecked, "the selection is kept");
        Assert.True(Guid.TryParse(IndividualPaymentTests.Value(refused, "Input.PendingReceiptId"), out var receiptId));
        Assert.All(await StatusesAsync(ids), s => Assert.Equal(RegistrationStatus.Approved, s));

        var accepted = await staff.SubmitAsync(refused, "#institution-payment-form", new Dictionary<string, string> { ["Input.Amount"] = "200.00" });

        await accepted.RedirectedToAsync();
        Assert.Equal([RegistrationStatus.PaymentSubmitted, RegistrationStatus.PaymentSubmitted, RegistrationStatus.Approved], await StatusesAsync(ids));
        var payment = Assert.Single(await PaymentsOfInstitutionAsync(institutionId));
        Assert.Equal((2, 200m, 200m, receiptId, RegistrationChannel.Institution), (payment.HeadCount, payment.Amount, payment.ExpectedAmount, payment.ReceiptFileId, payment.Channel));
        Assert.Equal("考核日期：2026年4月25日；人数：2人", payment.Remark);
        Assert.Equal(ids.Take(2).Order(), payment.RegistrationIds.Order());
        Assert.Single(await _scenario.MessagesAsync(staffId), m => m.Title == "缴费待确认" && m.Body.Contains("2人", StringComparison.Ordinal));
        var after = await staff.GetDocumentAsync($"/Institution/Payments?BatchId={batchId}");
        Assert.Contains("缴费丙", Assert.Single(after.QuerySelectorAll("#payable tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Contains("已缴费，待确认", after.QuerySelector("#institution-payments")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_institutions_staff_can_neither_see_nor_pay_for_the_applicants()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        await _scenario.PayeeAsync();
        var (_, ownerId, ownerInstitution) = await _scenario.InstitutionAsync("91510104MA6CPAYB1X", "pay@owner.example");
        var ids = await _scenario.InstitutionApprovedAsync(ownerId, ownerInstitution, ["丁一号", "丁二号"]);
        var batchId = await _scenario.BatchIdAsync(2);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        var owner = await portal.AsAsync("pay@owner.example", Scenario.Password);
        var ownerPage = await owner.GetDocumentAsync($"/Institution/Payments?BatchId={batchId}");
        Box(ownerPage, ids[1]).IsChecked = false;
        await (await owner.UploadAsync(ownerPage, "#institution-payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", new Dictionary<string, string>
        {
            ["Input.PayerName"] = "测试机构B1X",
            ["Input.Amount"] = "100.00",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        })).RedirectedToAsync();
        var receiptId = Assert.Single(await PaymentsOfInstitutionAsync(ownerInstitution)).ReceiptFileId;
        var (_, _, intruderInstitution) = await _scenario.InstitutionAsync("91510104MA6CPAYB2X", "pay@intruder.example");
        var intruder = await portal.AsAsync("pay@intruder.example", Scenario.Password);

        var seen = await intruder.GetDocumentAsync($"/Institution/Payments?BatchId={batchId}");

        Assert.NotNull(seen.QuerySelector("#nothing-to-pay"));
        Assert.Empty(seen.QuerySelectorAll("#institution-payments tbody tr"));
        Assert.DoesNotContain("丁二号", seen.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/Institution/Applicants/Details/{ids[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/Institution/Files/{receiptId}")).StatusCode);

        // A hand-made request naming the other institution's applicant is refused and reveals nothing.
        var response = await intruder.PostWithTokenAsync(seen, $"/Institution/Payments?BatchId={batchId}", new Dictionary<string, string>
        {
            ["BatchId"] = batchId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RegistrationIds"] = ids[1].ToString(),
            ["Input.PayerName"] = "测试机构B2X",
            ["Input.Amount"] = "100.00",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        }, ("receipt", Scenario.Receipt, "回单.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("丁二号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([RegistrationStatus.PaymentSubmitted, RegistrationStatus.Approved], await StatusesAsync(ids));
        Assert.Empty(await PaymentsOfInstitutionAsync(intruderInstitution));
        Assert.Single(await PaymentsOfInstitutionAsync(ownerInstitution));
    }

    private static IHtmlInputElement Box(IDocument page, Guid id) =>
        page.QuerySelector<IHtmlInputElement>($"input[name='Input.RegistrationIds'][value='{id}']")!;

    private async Task<List<RegistrationStatus>> StatusesAsync(IReadOnlyList<Guid> ids)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var statuses = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.AsNoTracking()
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status);
        return [.. ids.Select(id => statuses[id])];
    }

    private async Task<List<Payment>> PaymentsOfInstitutionAsync(int institutionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Payments.AsNoTracking().Where(p => p.InstitutionId == institutionId).ToListAsync();
    }
}
