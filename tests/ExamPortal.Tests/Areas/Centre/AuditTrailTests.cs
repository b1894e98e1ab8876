using System.Net;
using AngleSharp.Dom;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.Registrations;
using ExamPortal.Tests.Support;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Configurations;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExamPortal.Tests.Areas.Centre;

/// <summary>
/// 审计日志 (/Centre/Admin/Audit): found by registration, ticket number, person (through the keyed hash of the ID number),
/// actor, action and dates, from real transitions; sign-ins recorded with the login masked; the trail append-only.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class AuditTrailTests(PortalFactory portal)
{
    private const string Page = "/Centre/Admin/Audit";
    private readonly Scenario _scenario = new(portal);

    [Fact]
    public async Task A_registration_is_found_by_its_id_and_by_its_ticket_number_with_its_whole_history()
    {
        var candidate = await _scenario.CandidateAsync();
        var id = await _scenario.PaymentConfirmedAsync(candidate.UserId);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await _scenario.TicketsIssuedAsync();
        var ticket = await _scenario.TicketAsync(id);
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var byId = Lines(await SearchAsync(admin, new() { ["Input.Registration"] = id.ToString() }));
        var byTicket = Lines(await SearchAsync(admin, new() { ["Input.Registration"] = ticket.Number }));

        string[] history = [RegistrationActions.Created, RegistrationActions.Submitted, RegistrationActions.Approved, RegistrationActions.PaymentSubmitted,
            RegistrationActions.PaymentConfirmed, RegistrationActions.TicketIssued];
        Assert.All(history, action => Assert.Contains(byId, l => l.Action == action));
        Assert.All(byId, l => Assert.Equal(id.ToString(), l.Registration));
        Assert.Equal(byId.Select(l => (l.Action, l.Time)), byTicket.Select(l => (l.Action, l.Time)));
        Assert.Equal(RegistrationActions.TicketIssued, byId[0].Action);
        Assert.Equal("发放准考证", byId[0].ActionText);
    }

    [Fact]
    public async Task A_person_is_found_by_their_id_number_through_its_key_and_never_another_person()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var person = await _scenario.CandidateAsync();
        var other = await _scenario.CandidateAsync();
        var mine = await _scenario.SubmittedAsync(person.UserId);
        var theirs = await _scenario.SubmittedAsync(other.UserId);
        await portal.AsAsync(person.Mobile, Scenario.Password);
        await portal.AsAsync(other.Mobile, Scenario.Password);
        var admin = await portal.AsAsync(Role.CentreAdmin);

        // Typed as people do: spaces inside, the check letter (if any) in lower case.
        var typed = $" {person.IdNumber[..6]} {person.IdNumber[6..].ToLowerInvariant()} ";
        var (url, page) = await SearchWithUrlAsync(admin, new() { ["Input.IdNumber"] = typed });
        var lines = Lines(page);

        Assert.DoesNotContain(person.IdNumber, url, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lines, l => l.Registration == mine.ToString() && l.Action == RegistrationActions.Submitted);
        Assert.Contains(lines, l => l.Action == AuditTrail.SignInSucceeded && l.Actor == person.UserId);
        Assert.DoesNotContain(lines, l => l.Registration == theirs.ToString() || l.Actor == other.UserId);
        Assert.NotNull(page.QuerySelector("#person-active"));
        Assert.Equal(await KeyOfAsync(person.IdNumber), await RegistrationKeyAsync(mine));
    }

    [Fact]
    public async Task An_actor_is_found_by_their_mobile_number_and_only_their_acts_are_listed()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var candidate = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate.UserId);
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var page = await SearchAsync(admin, new() { ["Input.Actor"] = candidate.Mobile });
        var lines = Lines(page);

        Assert.Contains(lines, l => l.Registration == id.ToString() && l.Action == RegistrationActions.Created);
        Assert.Contains(lines, l => l.Registration == id.ToString() && l.Action == RegistrationActions.Submitted);
        Assert.All(lines, l => Assert.Equal(candidate.UserId, l.Actor));
        Assert.Contains("考生", page.QuerySelector("#actor-active")!.TextContent, StringComparison.Ordinal);

        var unknown = await SearchPostAsync(admin, new() { ["Input.Actor"] = "13000000000" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var refused = await HtmlForms.ReadAsync(unknown);
        Assert.Contains("没有以此登录的账户", refused.QuerySelector("#audit-filter")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13000000000", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#actor")!.Value);
    }

    [Fact]
    public async Task An_action_within_a_date_range_finds_that_days_acts_only()
    {
        var candidate = await _scenario.CandidateAsync();
        var later = await _scenario.CandidateAsync();
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 12, 9, 30, 0, ChinaTime.Offset));
        var onTheDay = await _scenario.SubmittedAsync(candidate.UserId);
        portal.Clock.SetNow(new DateTimeOffset(2026, 3, 13, 9, 30, 0, ChinaTime.Offset));
        var nextDay = await _scenario.SubmittedAsync(later.UserId);
        var admin = await portal.AsAsync(Role.CentreAdmin);

        var lines = Lines(await SearchAsync(admin, new()
        {
            ["Input.Action"] = RegistrationActions.Submitted,
            ["Input.From"] = "2026-03-12",
            ["Input.To"] = "2026-03-12",
        }));

        Assert.Contains(lines, l => l.Registration == onTheDay.ToString());
        Assert.DoesNotContain(lines, l => l.Registration == nextDay.ToString());
        Assert.All(lines, l => Assert.Equal((RegistrationActions.Submitted, "提交报名"), (l.Action, l.ActionText)));
        Assert.All(lines, l => Assert.StartsWith("2026-03-12", l.Time, StringComparison.Ordinal));

        var reversed = await HtmlForms.ReadAsync(await SearchPostAsync(admin, new() { ["Input.From"] = "2026-03-13", ["Input.To"] = "2026-03-12" }));
        Assert.Contains("结束日期不能早于开始日期", reversed.QuerySelector("#audit-filter")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ins_are_recorded_success_failure_and_lockout_with_the_login_masked()
    {
        var candidate = await _scenario.CandidateAsync();
        var masked = $"{candidate.Mobile[..3]}****{candidate.Mobile[7..]}";
        var unknownMobile = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";

        await SignInAsync(candidate.Mobile, "wrong-password-1");
        await SignInAsync(unknownMobile, "whatever-password");
        await portal.AsAsync(candidate.Mobile, Scenario.Password);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(candidate.Mobile, $"wrong-password-{i}");
        }

        var entries = await EntriesAsync(e => e.ActorUserId == candidate.UserId);
        var key = await KeyOfAsync(candidate.IdNumber);
        var failed = entries.Where(e => e.Action == AuditTrail.SignInFailed).ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, e => Assert.Contains($"登录名 {masked}，原因：{SignInAudit.WrongPassword}", e.Details, StringComparison.Ordinal));
        Assert.Contains($"登录名 {masked}", Assert.Single(entries, e => e.Action == AuditTrail.SignInSucceeded).Details, StringComparison.Ordinal);
        Assert.Contains(SignInAudit.TooManyFailures, Assert.Single(entries, e => e.Action == AuditTrail.SignInLockedOut).Details, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal(key, e.PersonKey));
        Assert.All(entries, e => Assert.Equal(nameof(Role.Candidate), e.ActorRole));

        var unknownMasked = $"{unknownMobile[..3]}****{unknownMobile[7..]}";
        var anonymous = Assert.Single(await EntriesAsync(e => e.ActorUserId == AuditTrail.AnonymousUserId && e.Details.Contains(unknownMasked)));
        Assert.Equal(AuditTrail.SignInFailed, anonymous.Action);
        Assert.Contains($"{unknownMasked}，原因：{SignInAudit.UnknownAccount}", anonymous.Details, StringComparison.Ordinal);
        Assert.All(entries.Append(anonymous), e => Assert.DoesNotContain(candidate.Mobile, e.Details, StringComparison.Ordinal));
        Assert.DoesNotContain(unknownMobile, anonymous.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staff_login_is_masked_as_an_email_address()
    {
        Assert.Equal("s***@example.com", SignInAudit.MaskLogin(" shenhe@example.com "));
        Assert.Equal("138****5678", SignInAudit.MaskLogin("+86 138-1234-5678"));
        Assert.Equal("******1234", SignInAudit.MaskLogin("abcdef1234"));
    }

    [Fact]
    public async Task The_trail_refuses_update_and_delete_in_the_database_and_the_page_offers_neither()
    {
        var candidate = await _scenario.CandidateAsync();
        await portal.AsAsync(candidate.Mobile, Scenario.Password);
        var entry = Assert.Single(await EntriesAsync(e => e.ActorUserId == candidate.UserId && e.Action == AuditTrail.SignInSucceeded));

        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE audit_entries SET details = 'changed' WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", entry.Id);
        await using var delete = new NpgsqlCommand("DELETE FROM audit_entries WHERE id = @id", connection);
        delete.Parameters.AddWithValue("id", entry.Id);

        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText, StringComparison.Ordinal);
        Assert.Equal(entry.Details, Assert.Single(await EntriesAsync(e => e.Id == entry.Id)).Details);

        var admin = await portal.AsAsync(Role.CentreAdmin);
        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal("audit-filter", Assert.Single(page.QuerySelectorAll("main form")).Id);
    }

    [Theory]
    [InlineData(Role.Candidate)]
    [InlineData(Role.InstitutionStaff)]
    [InlineData(Role.CentreReviewer)]
    [InlineData(Role.CentreFinance)]
    [InlineData(Role.CentreExam)]
    public async Task Only_the_centre_administrator_reads_the_trail(Role role)
    {
        var client = await portal.AsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Page}?handler=Export")).StatusCode);
    }

    [Fact]
    public async Task Registrations_without_a_key_get_one_at_start_up()
    {
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var candidate = await _scenario.CandidateAsync();
        var id = await _scenario.SubmittedAsync(candidate.UserId);
        await using (var connection = new NpgsqlConnection(portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var clear = new NpgsqlCommand("UPDATE registrations SET id_number_key = NULL WHERE id = @id", connection);
            clear.Parameters.AddWithValue("id", id);
            await clear.ExecuteNonQueryAsync();
        }

        Assert.Null(await RegistrationKeyAsync(id));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonKeyBackfill>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal(await KeyOfAsync(candidate.IdNumber), await RegistrationKeyAsync(id));
    }

    private sealed record Line(string Action, string ActionText, string Actor, string Registration, string Time);

    private static List<Line> Lines(IDocument page) =>
        [.. page.QuerySelectorAll("#audit-lines tbody tr").Select(r => new Line(
            r.GetAttribute("data-action")!, r.QuerySelector("td[data-label='操作']")!.TextContent.Trim(), r.GetAttribute("data-actor")!,
            r.GetAttribute("data-registration") ?? string.Empty, r.QuerySelector("td[data-label='时间']")!.TextContent.Trim()))];

    private static async Task<HttpResponseMessage> SearchPostAsync(HttpClient admin, Dictionary<string, string> values)
    {
        var form = await admin.GetDocumentAsync(Page);
        return await admin.SubmitAsync(form, "#audit-filter", values);
    }

    private static async Task<IDocument> SearchAsync(HttpClient admin, Dictionary<string, string> values) => (await SearchWithUrlAsync(admin, values)).Page;

    private static async Task<(string Url, IDocument Page)> SearchWithUrlAsync(HttpClient admin, Dictionary<string, string> values)
    {
        var posted = await SearchPostAsync(admin, values);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var url = posted.Headers.Location!.ToString();
        return (url, await admin.GetDocumentAsync(url));
    }

    private async Task SignInAsync(string login, string password)
    {
        var client = portal.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/Account/SignIn");
        var response = await client.SubmitAsync(page, "form.card", new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<AuditEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(where).OrderBy(e => e.At).ToListAsync();
    }

    private async Task<byte[]> KeyOfAsync(string idNumber) =>
        await portal.Services.GetRequiredService<PersonKeys>().ForAsync(idNumber, CancellationToken.None);

    private async Task<byte[]?> RegistrationKeyAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Registrations
            .Where(r => r.Id == id).Select(r => EF.Property<byte[]?>(r, RegistrationConfiguration.IdNumberKeyProperty)).SingleAsync();
    }
}
