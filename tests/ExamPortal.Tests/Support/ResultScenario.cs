using System.Globalization;
using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExamPortal.Tests.Support;

/// <summary>A candidate of batch 2 holding an admission ticket: who they are and what their ticket says.</summary>
public sealed record TicketHolder(
    string? UserId, string? Mobile, string IdNumber, string FullName, Guid RegistrationId, int PlanId, Guid TicketId, string TicketNumber);

/// <summary>
/// Reaches the states of issue 7 (tickets held, scores recorded, certificates issued) through the portal's own
/// services on batch 2 (exam 2026-04-25, publication 05-06, publicity to 05-11, certificates from 05-12, paper
/// certificates from 06-09). Wraps <see cref="Scenario"/> for everything before the ticket.
/// </summary>
public sealed class ResultScenario(PortalFactory portal)
{
    public const string ExamLogin = "exam@demo.local";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static int _sequence;

    /// <summary>After batch 2's payment window, before its exam: tickets are issued.</summary>
    public static readonly DateTimeOffset TicketsIssuedAt = At(4, 10);

    /// <summary>After the exam (4/25), before publication (5/6): scores are entered.</summary>
    public static readonly DateTimeOffset ScoreEntryAt = At(4, 28);

    public static readonly DateTimeOffset DayBeforePublication = At(5, 5);

    public static readonly DateTimeOffset PublicationDay = At(5, 6);

    /// <summary>Inside the publicity period (5/6–5/11).</summary>
    public static readonly DateTimeOffset InPublicity = At(5, 7);

    public static readonly DateTimeOffset LastDayOfPublicity = At(5, 11);

    /// <summary>The first day certificates can be issued.</summary>
    public static readonly DateTimeOffset CertificatesDay = At(5, 12);

    public static readonly DateTimeOffset DayBeforeCollection = At(6, 8);

    /// <summary>The 30th working day after the exam: paper certificates are collected from this day.</summary>
    public static readonly DateTimeOffset CollectionDay = At(6, 9);

    public Scenario Scenario { get; } = new(portal);

    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) => new(2026, month, day, hour, minute, 0, ChinaTime.Offset);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public Task<int> Batch2IdAsync() => Scenario.BatchIdAsync(2);

    /// <summary>
    /// A candidate account with the given name and an ID number of a region (新都区) no other helper uses, so a test
    /// can look for the number's digits on a page. Birth dates are in 1993, the sequence is 5xx.
    /// </summary>
    public async Task<(string UserId, string Mobile, string IdNumber)> CandidateAsync(string fullName)
    {
        var n = Interlocked.Increment(ref _sequence);
        var idNumber = IdNumbers.Resident("510114", new DateOnly(1993, 1, 1).AddDays(n * 3), 500 + (n % 400));
        var mobile = $"135{Environment.ProcessId % 10000:0000}{n % 10000:0000}";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var parsed = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, idNumber).Number!;
        var user = new PortalUser
        {
            UserName = mobile,
            PhoneNumber = mobile,
            FullName = fullName,
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = parsed.Value,
            Gender = parsed.Gender,
            BirthDate = parsed.BirthDate,
        };
        var created = await users.CreateAsync(user, Scenario.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, nameof(Role.Candidate));
        return (user.Id, mobile, parsed.Value);
    }

    /// <summary>
    /// Candidates of batch 2 with these names: each approved, paid and confirmed, then tickets issued on 4/10 by the
    /// demo exam officer (TicketIssuing issues every confirmed registration of the batch). Leaves the clock at 4/10.
    /// </summary>
    public async Task<List<TicketHolder>> TicketHoldersAsync(string projectCode, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var people = new List<(string UserId, string Mobile, string IdNumber, string Name, Guid RegistrationId)>();
        foreach (var name in names)
        {
            var (userId, mobile, idNumber) = await CandidateAsync(name);
            var registrationId = await Scenario.PaymentConfirmedAsync(userId, projectCode);
            people.Add((userId, mobile, idNumber, name, registrationId));
        }

        await IssueTicketsAsync();
        var holders = new List<TicketHolder>();
        foreach (var p in people)
        {
            holders.Add(await HolderAsync(p.RegistrationId, p.UserId, p.Mobile));
        }

        return holders;
    }

    public async Task<TicketHolder> TicketHolderAsync(string projectCode, string fullName) => (await TicketHoldersAsync(projectCode, fullName))[0];

    /// <summary>
    /// Applicants an institution registered (Scenario.InstitutionApprovedAsync), paid for with one receipt on 4/1,
    /// confirmed by finance, their tickets issued on 4/10. Leaves the clock at 4/10.
    /// </summary>
    public async Task<(int InstitutionId, string StaffUserId, List<TicketHolder> Holders)> InstitutionTicketHoldersAsync(
        string creditCode, string email, IReadOnlyList<string> names, string projectCode = "17")
    {
        var (client, staffUserId, institutionId) = await Scenario.InstitutionAsync(creditCode, email);
        client.Dispose();
        var ids = await Scenario.InstitutionApprovedAsync(staffUserId, institutionId, names, projectCode);
        portal.Clock.SetNow(Scenario.Batch2PaymentFirstDay);
        await Scenario.PayeeAsync();
        var batchId = await Batch2IdAsync();
        Guid paymentId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var fileId = await services.GetRequiredService<FileStore>().SaveAsync(staffUserId, "对公回单.jpg", "image/jpeg", Scenario.Receipt, CancellationToken.None);
            var submitted = await services.GetRequiredService<PaymentWorkflow>().SubmitInstitutionAsync(new Actor(staffUserId, Role.InstitutionStaff), batchId, ids,
                new PaymentClaim($"测试机构{creditCode[^4..]}", 100m * ids.Count, portal.Clock.Today, Scenario.Serial(), PaidByOther: false), fileId, CancellationToken.None);
            Assert.True(submitted.Succeeded, submitted.Message);
            paymentId = submitted.RelatedId!.Value;
        }

        var confirmed = await Scenario.PaymentsAsync(w => w.ConfirmAsync(paymentId, Scenario.PaymentVersionOf(paymentId), Scenario.Finance, CancellationToken.None));
        Assert.True(confirmed.Succeeded, confirmed.Message);
        await IssueTicketsAsync();
        var holders = new List<TicketHolder>();
        foreach (var id in ids)
        {
            holders.Add(await HolderAsync(id, null, null));
        }

        return (institutionId, staffUserId, holders);
    }

    /// <summary>Issues batch 2's tickets on 4/10 as the demo exam officer. Leaves the clock at 4/10.</summary>
    public async Task IssueTicketsAsync()
    {
        portal.Clock.SetNow(TicketsIssuedAt);
        var actor = await ExamOfficerAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TicketIssuing>().IssueAsync(await Batch2IdAsync(), actor, CancellationToken.None);
    }

    /// <summary>Records scores (ticket number → "85", "59.9" or "缺考") through ScoreEntry on 4/28. Leaves the clock at 4/28.</summary>
    public async Task ScoresAsync(int planId, IReadOnlyDictionary<string, string> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        portal.Clock.SetNow(ScoreEntryAt);
        var values = scores.ToDictionary(s => s.Key, s => ScoreValue.Parse(s.Value).Value ?? throw new ArgumentException($"Not a score: {s.Value}", nameof(scores)));
        var actor = await ExamOfficerAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<ScoreEntry>().RecordAsync(planId, values, actor, "测试录入", CancellationToken.None);
        Assert.True(recorded.Succeeded, recorded.Message);
    }

    /// <summary>One score per holder, in the order given, for holders of one plan.</summary>
    public Task ScoresAsync(IReadOnlyList<TicketHolder> holders, params string[] scores)
    {
        ArgumentNullException.ThrowIfNull(holders);
        Assert.Equal(holders.Count, scores.Length);
        Assert.Single(holders.Select(h => h.PlanId).Distinct());
        return ScoresAsync(holders[0].PlanId, holders.Select((h, i) => (h.TicketNumber, Score: scores[i])).ToDictionary(x => x.TicketNumber, x => x.Score));
    }

    /// <summary>Issues batch 2's certificates on 5/12 as the demo exam officer. Leaves the clock at 5/12.</summary>
    public async Task<CertificateIssueResult> CertificatesIssuedAsync()
    {
        portal.Clock.SetNow(CertificatesDay);
        var actor = await ExamOfficerAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateIssuing>().IssueAsync(await Batch2IdAsync(), actor, CancellationToken.None);
    }

    public async Task<Actor> ExamOfficerAsync() => new(await ExamOfficerIdAsync(), Role.CentreExam);

    public async Task<string> ExamOfficerIdAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(ExamLogin))!.Id;
    }

    public Task<HttpClient> ExamClientAsync() => portal.AsAsync(ExamLogin, DemoDataSeeder.Password);

    public Task<HttpClient> CandidateClientAsync(TicketHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return portal.AsAsync(holder.Mobile ?? throw new InvalidOperationException("An institution's applicant has no account"), Scenario.Password);
    }

    public async Task<ExamScore?> ScoreAsync(Guid ticketId) =>
        await QueryAsync(db => db.ExamScores.AsNoTracking().SingleOrDefaultAsync(s => s.TicketId == ticketId));

    public async Task<Certificate?> CertificateAsync(Guid registrationId) =>
        await QueryAsync(db => db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.RegistrationId == registrationId));

    public async Task<List<Objection>> ObjectionsAsync(Guid registrationId) =>
        await QueryAsync(db => db.Objections.AsNoTracking().Where(o => o.RegistrationId == registrationId).OrderBy(o => o.RaisedAt).ToListAsync());

    /// <summary>Audit entries of an action whose subject names this ticket or certificate number, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync(string action, string subjectNumber) =>
        await QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.Subject.EndsWith(" " + subjectNumber)).OrderBy(a => a.At).ToListAsync());

    public async Task<int> AuditCountAsync(string action) =>
        await QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Drops a change of batch 2's result dates, so the calendar's defaults apply again for the tests after.</summary>
    public async Task ForgetResultDatesChangeAsync()
    {
        var batchId = await Batch2IdAsync();
        await QueryAsync(db => db.ResultPublications.Where(p => p.BatchId == batchId).ExecuteDeleteAsync());
    }

    private async Task<TicketHolder> HolderAsync(Guid registrationId, string? userId, string? mobile)
    {
        var found = await QueryAsync(db => (
            from t in db.AdmissionTickets
            join r in db.Registrations on t.RegistrationId equals r.Id
            where r.Id == registrationId
            select new { t.Id, t.Number, t.ExamPlanId, r.Details, r.IdNumber, r.Status }).SingleAsync());
        Assert.Equal(RegistrationStatus.TicketIssued, found.Status);
        return new TicketHolder(userId, mobile, found.IdNumber, found.Details!.FullName, registrationId, found.ExamPlanId, found.Id, found.Number);
    }
}
