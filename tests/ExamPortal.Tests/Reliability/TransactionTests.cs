using System.Globalization;
using System.Net;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Areas.Tickets;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExamPortal.Tests.Reliability;

/// <summary>
/// An import, an institution's bulk payment, a ticket issue and a certificate issue, each interrupted half-way by a
/// fault the test injects into its own database (a trigger that raises on the Nth row written to a table, dropped
/// afterwards; nothing in the portal knows of it): the user gets the Chinese error page, not a stack trace; no row
/// of the operation is left anywhere (registrations, history, payments, tickets, rooms, certificates, messages,
/// outbox, audit, files); and the same operation run again without the fault completes, once.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class TransactionTests(PortalFactory portal)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Tables =
    [
        "registrations", "registration_events", "institution_imports", "payments", "exam_rooms", "admission_tickets",
        "certificates", "messages", "outbox_messages", "audit_entries", "stored_files",
    ];

    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task An_import_failing_after_its_drafts_are_written_leaves_none_of_them_and_imports_all_when_run_again()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, _, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTXN01X", "tx-import@one.example");
        var idNumbers = Enumerable.Range(1, 4).Select(n => IdNumbers.Resident("510112", new DateOnly(1985, 3, n), 300 + n)).ToList();
        await _scenario.ForgetRegistrationsAsync(idNumbers);
        var sheet = Workbooks.Build("考生信息", [Applicant.Header, .. idNumbers.Select((id, i) => new Applicant { IdNumber = id, Name = $"事务考生{i + 1}" }.Cells())]);
        var page = await staff.GetDocumentAsync("/Institution/Import");
        var before = await CountsAsync();

        // The import record is the last row the import writes: by then every draft and its history are in.
        await using (var fault = await InjectedFault.OnInsertAsync(portal.ConnectionString, "institution_imports", 1))
        {
            var failed = await staff.UploadAsync(page, "#import-upload", "upload", sheet, "名单.xlsx", Xlsx);
            await AssertErrorPageAsync(failed);
            Assert.True(await fault.FiredAsync());
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Empty(await RegistrationsAsync(idNumbers));

        var again = await staff.UploadAsync(await staff.GetDocumentAsync("/Institution/Import"), "#import-upload", "upload", sheet, "名单.xlsx", Xlsx);
        var result = await staff.GetDocumentAsync(await again.RedirectedToAsync());
        Assert.Contains("导入 4 人", result.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        var imported = await RegistrationsAsync(idNumbers);
        Assert.Equal(4, imported.Count);
        Assert.All(imported, r => Assert.Equal((institutionId, RegistrationStatus.Draft), (r.InstitutionId!.Value, r.Status)));
        Assert.Equal(1, await CountAsync("institution_imports", $"institution_id = {institutionId}"));
    }

    [Fact]
    public async Task A_bulk_payment_failing_half_way_leaves_no_payment_no_receipt_and_no_paid_applicant_and_goes_through_when_run_again()
    {
        var (first, staffUserId, institutionId) = await _scenario.InstitutionAsync("91510104MA6CTXN02X", "tx-payment@one.example");
        first.Dispose();
        var ids = await _scenario.InstitutionApprovedAsync(staffUserId, institutionId, ["缴费事务甲", "缴费事务乙", "缴费事务丙"]);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        // Signed in on the payment day: a staff session started weeks earlier on the test clock has timed out.
        var staff = await portal.AsAsync("tx-payment@one.example", Scenario.Password);
        await _scenario.PayeeAsync();
        var batchId = await _scenario.BatchIdAsync(2);
        var url = $"/Institution/Payments?BatchId={batchId}";
        var form = new Dictionary<string, string>
        {
            ["Input.PayerName"] = "事务测试机构",
            ["Input.Amount"] = "300.00",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        };
        var page = await staff.GetDocumentAsync(url);
        var before = await CountsAsync();

        // The second applicant's history row: the first applicant is already marked paid when it fails.
        await using (var fault = await InjectedFault.OnInsertAsync(portal.ConnectionString, "registration_events", 2))
        {
            var failed = await staff.UploadAsync(page, "#institution-payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", form);
            await AssertErrorPageAsync(failed);
            Assert.True(await fault.FiredAsync());
        }

        Assert.Equal(before, await CountsAsync());
        foreach (var id in ids)
        {
            Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(id)).Status);
        }

        var again = await staff.UploadAsync(await staff.GetDocumentAsync(url), "#institution-payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var payments = await CountAsync("payments", $"institution_id = {institutionId}");
        Assert.Equal(1, payments);
        foreach (var id in ids)
        {
            var registration = await _scenario.RegistrationAsync(id);
            Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
            Assert.Single(registration.History, e => e.To == RegistrationStatus.PaymentSubmitted);
        }
    }

    [Fact]
    public async Task A_candidates_payment_failing_half_way_leaves_no_payment_and_no_receipt_and_goes_through_when_run_again()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (userId, mobile, _) = await _scenario.CandidateAsync();
        var id = await _scenario.ApprovedInBatchAsync(userId);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        await _scenario.PayeeAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.PayerName"] = (await _scenario.RegistrationAsync(id)).Details!.FullName,
            ["Input.Amount"] = "100",
            ["Input.TransferDate"] = "2026-04-01",
            ["Input.BankSerialNumber"] = Scenario.Serial(),
        };
        var candidate = await portal.AsAsync(mobile, Scenario.Password);
        var url = $"/Candidate/Registrations/Payment/{id}";
        var page = await candidate.GetDocumentAsync(url);
        var before = await CountsAsync();

        // The registration's history row comes after the payment row and the receipt file in the same transaction.
        await using (var fault = await InjectedFault.OnInsertAsync(portal.ConnectionString, "registration_events", 1))
        {
            await AssertErrorPageAsync(await candidate.UploadAsync(page, "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", form));
            Assert.True(await fault.FiredAsync());
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(RegistrationStatus.Approved, (await _scenario.RegistrationAsync(id)).Status);

        var again = await candidate.UploadAsync(await candidate.GetDocumentAsync(url), "#payment-form", "receipt", Scenario.Receipt, "回单.jpg", "image/jpeg", form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var registration = await _scenario.RegistrationAsync(id);
        Assert.Equal(RegistrationStatus.PaymentSubmitted, registration.Status);
        Assert.Single(registration.History, e => e.To == RegistrationStatus.PaymentSubmitted);
        Assert.Equal(1, await CountAsync("payments", $"submitted_by_user_id = '{userId}'"));
    }

    [Fact]
    public async Task A_ticket_issue_failing_half_way_gives_no_ticket_and_no_room_and_gives_each_one_ticket_when_run_again()
    {
        var (firstUser, _, _) = await _scenario.CandidateAsync();
        var first = await _scenario.PaymentConfirmedAsync(firstUser, "16");
        var (secondUser, _, _) = await _scenario.CandidateAsync();
        var second = await _scenario.PaymentConfirmedAsync(secondUser, "16");
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        var exam = await portal.AsAsync(Role.CentreExam);
        var url = $"/Centre/Tickets?BatchId={await _scenario.BatchIdAsync(2)}";
        var page = await exam.GetDocumentAsync(url);
        var audits = await CountAsync("audit_entries", $"action = '{AuditTrail.TicketsIssued}'");
        var before = await CountsAsync();

        await using (var fault = await InjectedFault.OnInsertAsync(portal.ConnectionString, "admission_tickets", 2))
        {
            var failed = await exam.SubmitAsync(page, TicketPdfs.FormOf(page, "#issue-tickets"), new Dictionary<string, string>());
            await AssertErrorPageAsync(failed);
            Assert.True(await fault.FiredAsync());
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Empty(await _scenario.TicketsAsync([first, second]));
        Assert.Equal(RegistrationStatus.PaymentConfirmed, (await _scenario.RegistrationAsync(first)).Status);

        var fresh = await exam.GetDocumentAsync(url);
        var again = await exam.SubmitAsync(fresh, TicketPdfs.FormOf(fresh, "#issue-tickets"), new Dictionary<string, string>());
        Assert.StartsWith("已发放准考证", TicketPdfs.StatusMessage(await exam.GetDocumentAsync(await again.RedirectedToAsync())), StringComparison.Ordinal);
        Assert.Equal(2, (await _scenario.TicketsAsync([first, second])).Count);
        Assert.Equal(RegistrationStatus.TicketIssued, (await _scenario.RegistrationAsync(second)).Status);
        Assert.Single(await _scenario.MessagesAsync(firstUser), m => m.Title == "准考证已发放");
        Assert.Single(await _scenario.MessagesAsync(secondUser), m => m.Title == "准考证已发放");
        Assert.Equal(audits + 1, await CountAsync("audit_entries", $"action = '{AuditTrail.TicketsIssued}'"));
    }

    [Fact]
    public async Task A_certificate_issue_failing_half_way_issues_none_and_issues_each_once_when_run_again()
    {
        var results = new ResultScenario(portal);
        var holders = await results.TicketHoldersAsync("12", "证书事务甲", "证书事务乙", "证书事务丙");
        await results.ScoresAsync(holders, "88", "75", "61");
        portal.Clock.SetNow(ResultScenario.CertificatesDay);
        var exam = await results.ExamClientAsync();
        var url = $"/Centre/Certificates?BatchId={ResultScenario.Text(await results.Batch2IdAsync())}";
        var page = await exam.GetDocumentAsync(url);
        var audits = await CountAsync("audit_entries", $"action = '{AuditTrail.CertificatesIssued}'");
        var before = await CountsAsync();

        await using (var fault = await InjectedFault.OnInsertAsync(portal.ConnectionString, "certificates", 2))
        {
            var failed = await exam.SubmitAsync(page, "form[action*='handler=Issue']", new Dictionary<string, string>());
            await AssertErrorPageAsync(failed);
            Assert.True(await fault.FiredAsync());
        }

        Assert.Equal(before, await CountsAsync());
        foreach (var holder in holders)
        {
            Assert.Null(await results.CertificateAsync(holder.RegistrationId));
        }

        var fresh = await exam.GetDocumentAsync(url);
        var again = await exam.SubmitAsync(fresh, "form[action*='handler=Issue']", new Dictionary<string, string>());
        Assert.Contains("已核发证书", TicketPdfs.StatusMessage(await exam.GetDocumentAsync(await again.RedirectedToAsync())), StringComparison.Ordinal);
        foreach (var holder in holders)
        {
            Assert.NotNull(await results.CertificateAsync(holder.RegistrationId));
            Assert.Equal(1, await CountAsync("certificates", $"registration_id = '{holder.RegistrationId}'"));
            Assert.Single(await _scenario.MessagesAsync(holder.UserId!), m => m.Title == "电子证书已核发");
        }

        Assert.Equal(audits + 1, await CountAsync("audit_entries", $"action = '{AuditTrail.CertificatesIssued}'"));
    }

    /// <summary>The generic error page: a status, the Chinese advice, and nothing of the exception.</summary>
    private static async Task AssertErrorPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("系统暂时出错", body, StringComparison.Ordinal);
        Assert.Contains("您已填写的内容不会因此丢失", body, StringComparison.Ordinal);
        Assert.DoesNotContain("injected fault", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private async Task<List<Registration>> RegistrationsAsync(IReadOnlyCollection<string> idNumbers)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations.AsNoTracking()
            .Where(r => idNumbers.Contains(r.IdNumber)).ToListAsync();
    }

    private async Task<string> CountsAsync()
    {
        var counts = new List<string>();
        foreach (var table in Tables)
        {
            counts.Add($"{table}={await CountAsync(table, "true")}");
        }

        return string.Join(", ", counts);
    }

    private async Task<long> CountAsync(string table, string where)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A trigger on the test's own database that lets N-1 rows into a table and raises on the Nth, whatever writes them;
    /// dropped on dispose. The counter is a sequence, which a rollback does not rewind, so <see cref="FiredAsync"/> can
    /// tell that the operation really got that far.
    /// </summary>
    private sealed class InjectedFault : IAsyncDisposable
    {
        private readonly string _connectionString;
        private readonly string _table;
        private readonly int _nth;

        private InjectedFault(string connectionString, string table, int nth) => (_connectionString, _table, _nth) = (connectionString, table, nth);

        public static async Task<InjectedFault> OnInsertAsync(string connectionString, string table, int nth)
        {
            var fault = new InjectedFault(connectionString, table, nth);
            var n = nth.ToString(CultureInfo.InvariantCulture);
            await fault.ExecuteAsync($"""
                CREATE SEQUENCE reliability_fault_rows;
                CREATE FUNCTION reliability_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('reliability_fault_rows') >= {n} THEN
                        RAISE EXCEPTION 'injected fault on row {n} into {table}';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER reliability_fault BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION reliability_fault();
                """);
            return fault;
        }

        public async Task<bool> FiredAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM reliability_fault_rows", connection);
            return (long)(await command.ExecuteScalarAsync())! >= _nth;
        }

        public async ValueTask DisposeAsync() =>
            await ExecuteAsync($"DROP TRIGGER IF EXISTS reliability_fault ON {_table}; DROP FUNCTION IF EXISTS reliability_fault(); DROP SEQUENCE IF EXISTS reliability_fault_rows;");

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
