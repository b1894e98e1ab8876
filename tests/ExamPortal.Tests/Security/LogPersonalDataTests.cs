using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using ExamPortal.Domain.Common;
using ExamPortal.Tests.Areas.Tickets;
using ExamPortal.Tests.Features.Imports;
using ExamPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ExamPortal.Tests.Security;

/// <summary>Every log event the portal writes, kept as the text a sink would print (message, properties, exception).</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }
}

/// <summary>A portal of its own that logs everything down to Debug, ASP.NET Core and EF Core included, into <see cref="CapturedLog"/>.</summary>
public sealed class LoggedPortalFactory : PortalFactory
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:System.Net.Http", "Debug");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

/// <summary>
/// The main journeys, with their ID numbers, mobiles and passwords typed into forms, uploaded in a sheet and searched
/// for, and then every log line scanned: no 18-character ID number, no 11-digit mobile, no password in clear.
/// </summary>
public sealed partial class LogPersonalDataTests(LoggedPortalFactory portal) : IClassFixture<LoggedPortalFactory>
{
    private const string Password = "Kaosheng#2026";

    [Fact]
    public async Task No_log_line_holds_an_ID_number_a_mobile_number_or_a_password()
    {
        var scenario = new Scenario(portal);
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var idNumber = ImportFixtures.Id(9001, birth: new DateOnly(1995, 5, 5));
        var mobile = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";

        // Sign-up, a wrong password, a sign-in, password recovery: each posts the numbers in a form.
        var visitor = portal.CreateBrowserlessClient();
        var signUp = await visitor.SubmitAsync(await visitor.GetDocumentAsync("/Account/SignUp"), "form.card", new Dictionary<string, string>
        {
            ["Input.FullName"] = "日志测试",
            ["Input.IdDocumentType"] = "ResidentIdCard",
            ["Input.IdNumber"] = idNumber,
            ["Input.Mobile"] = mobile,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        var stranger = portal.CreateBrowserlessClient();
        var wrong = await stranger.SubmitAsync(await stranger.GetDocumentAsync("/Account/SignIn"), "form.card",
            new Dictionary<string, string> { ["Input.Login"] = mobile, ["Input.Password"] = Password + "x" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var candidate = await portal.AsAsync(mobile, Password);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync("/Candidate/Account")).StatusCode);
        await stranger.SubmitAsync(await stranger.GetDocumentAsync("/Account/Recover"), "#recover-form",
            new Dictionary<string, string> { ["FullName"] = "日志测试", ["IdNumber"] = idNumber, ["Mobile"] = mobile }, "#send-code");

        // A registration through to its ticket, then the public lookups by ID number.
        var (userId, holderMobile, holderId) = await scenario.CandidateAsync();
        var registrationId = await scenario.PaymentConfirmedAsync(userId);
        portal.Clock.SetNow(Scenario.Batch2TicketIssue);
        await scenario.TicketsIssuedAsync();
        portal.Clock.SetNow(Scenario.Batch2TicketPrinting);
        var holder = await scenario.RegistrationAsync(registrationId);
        await PublicTicketTests.LookUpAsync(stranger, holderId, holder.Details!.FullName);
        await stranger.SubmitAsync(await stranger.GetDocumentAsync("/Certificates/Query"), "#certificate-query",
            new Dictionary<string, string> { ["FullName"] = holder.Details.FullName, ["IdNumber"] = holderId });

        // An institution's sheet of 200 applicants with their ID and mobile numbers, 10 rows refused.
        portal.Clock.SetNow(Scenario.Batch2RegistrationOpen);
        var (staff, _, _) = await scenario.InstitutionAsync("91510104MA6CLOGS1X", "logs@one.example");
        var import = await staff.GetDocumentAsync("/Institution/Import");
        var uploaded = await staff.UploadAsync(import, "#import-upload", "upload", ImportFixtures.Committed("200-rows-10-bad.xlsx"), "考生.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        // The centre searches its audit trail by a person's ID number and by a candidate's mobile.
        var admin = await portal.AsAsync(Role.CentreAdmin);
        foreach (var (field, value) in new[] { ("Input.IdNumber", holderId), ("Input.Actor", holderMobile) })
        {
            var searched = await admin.SubmitAsync(await admin.GetDocumentAsync("/Centre/Admin/Audit"), "#audit-filter", new Dictionary<string, string> { [field] = value });
            Assert.Equal(HttpStatusCode.Redirect, searched.StatusCode);
        }

        // The scan would see these very numbers, as typed, in any line.
        Assert.Matches(IdNumberRun(), $"id {idNumber} and {holderId}");
        Assert.Matches(MobileRun(), $"mobile {mobile}");
        var lines = portal.Log.Lines.ToList();
        Assert.True(lines.Count > 100, $"the journeys should have logged plenty at Debug, got {lines.Count} lines");
        Assert.Contains(lines, l => l.Contains("/Account/SignUp", StringComparison.Ordinal));
        var leaks = lines.Where(l => IdNumberRun().IsMatch(l) || MobileRun().IsMatch(l) || l.Contains(Password, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "log lines with personal data:\n" + string.Join('\n', leaks.Take(5)));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberRun();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileRun();
}
