using System.Globalization;
using ExamPortal.Bench;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.Imports;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using ExamPortal.Web.Infrastructure.Clock;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Benchmarks of the real code paths in Release, each written to its own file in the results directory:
//   import  — the 5,000-row institution import against Npgsql binary COPY (import-latest.md)
//   tickets — 500 tickets in one streamed PDF against one in-memory document, sign-in sheets and a 500-row roster (tickets-latest.md)
//   web     — the public pages against the raw floor, over HTTP to the portal run as its own process (web-latest.md)
//   rush    — sign-in capacity and the registration rush, over HTTP to the portal run as its own process (rush-latest.md)
//   summary — gathers every report's targets and the reports themselves into latest.md (run last by bench/run.sh)
string[] modes = ["import", "tickets", "web", "rush", "all", "summary"];
if (args.Length < 2 || (args.Length > 3 && !modes.Contains(args[3])))
{
    Console.Error.WriteLine("usage: ExamPortal.Bench <connection string> <results directory> [runs] [import|tickets|web|rush|all|summary]");
    return 2;
}

var connectionString = args[0];
var resultsDirectory = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var mode = args.Length > 3 ? args[3] : "all";
if (mode == "summary")
{
    Console.WriteLine(Summary.Write(resultsDirectory));
    return 0;
}

var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddSingleton(new PortalClock(new DateTimeOffset(2026, 3, 10, 10, 0, 0, ChinaTime.Offset)))
    .AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PortalClock>())
    .AddSingleton<SharedSecrets>()
    .AddSingleton<PersonKeys>()
    .AddSingleton<PersonKeyInterceptor>()
    .AddDbContext<PortalDbContext>((sp, o) => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention()
        .AddInterceptors(sp.GetRequiredService<PersonKeyInterceptor>()))
    .AddScoped<FileStore>()
    .AddScoped<RegistrationBulkInsert>()
    .AddScoped<ApplicantImport>()
    .AddScoped<ReferenceDataSeeder>()
    .AddScoped<Notifier>()
    .AddScoped<ExamPortal.Web.Features.Outbox.Outbox>()
    .AddScoped<CalendarService>()
    .AddScoped<SubmissionQueries>()
    .AddScoped<TicketIssuing>()
    .AddScoped<TicketQueries>()
    .AddScoped<TicketDocuments>()
    .AddSingleton<VerificationTokens>();
services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
await using var provider = services.BuildServiceProvider();

await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
    await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
}

Directory.CreateDirectory(resultsDirectory);
if (mode is "import" or "all")
{
    var report = await ImportBench.RunAsync(provider, connectionString, runs);
    await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "import-latest.md"), report);
    Console.WriteLine(report);
}

if (mode is "tickets" or "all")
{
    var report = await TicketBench.RunAsync(provider, runs, CancellationToken.None);
    await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "tickets-latest.md"), report);
    Console.WriteLine(report);
}

if (mode is "web" or "all")
{
    var report = await WebBench.RunAsync(provider, connectionString, runs);
    await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "web-latest.md"), report);
    Console.WriteLine(report);
}

if (mode is "rush" or "all")
{
    var report = await RushBench.RunAsync(provider, connectionString, runs);
    await File.WriteAllTextAsync(Path.Combine(resultsDirectory, "rush-latest.md"), report);
    Console.WriteLine(report);
}

return 0;
