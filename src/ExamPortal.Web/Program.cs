using System.Text.Encodings.Web;
using System.Text.Unicode;
using ExamPortal.Domain.Common;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using ExamPortal.Web.Data.Seed;
using ExamPortal.Web.Features.Accounts;
using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.Audit;
using ExamPortal.Web.Features.Exports;
using ExamPortal.Web.Features.Calendar;
using ExamPortal.Web.Features.Certificates;
using ExamPortal.Web.Features.Catalogue;
using ExamPortal.Web.Features.Dashboard;
using ExamPortal.Web.Features.Files;
using ExamPortal.Web.Features.InstitutionApplicants;
using ExamPortal.Web.Features.Messages;
using ExamPortal.Web.Features.Onboarding;
using ExamPortal.Web.Features.Outbox;
using ExamPortal.Web.Features.Payments;
using ExamPortal.Web.Features.Tickets;
using ExamPortal.Web.Features.Verification;
using ExamPortal.Web.Features.Plans;
using ExamPortal.Web.Features.Corrections;
using ExamPortal.Web.Features.Administration;
using ExamPortal.Web.Features.Registrations;
using ExamPortal.Web.Features.Reminders;
using ExamPortal.Web.Features.Results;
using ExamPortal.Web.Features.Reviews;
using ExamPortal.Web.Features.Schedule;
using ExamPortal.Web.Features.Uploads;
using ExamPortal.Web.Features.Workbench;
using ExamPortal.Web.Infrastructure;
using ExamPortal.Web.Infrastructure.Binding;
using ExamPortal.Web.Infrastructure.Auth;
using ExamPortal.Web.Infrastructure.Bench;
using ExamPortal.Web.Infrastructure.Caching;
using ExamPortal.Web.Infrastructure.Clock;
using ExamPortal.Web.Infrastructure.Http;
using ExamPortal.Web.Infrastructure.Logging;
using ExamPortal.Web.Infrastructure.Outage;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logging) => logging
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .Enrich.With<PersonalDataMasking>()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

var database = PortalDatabase.From(builder.Configuration);
var connectionString = database.ConnectionString;
builder.Services.AddSingleton(database);
builder.Services.AddSingleton<SharedSecrets>();
builder.Services.AddSingleton<PersonKeys>();
builder.Services.AddSingleton<PersonKeyInterceptor>();
builder.Services.AddSingleton<PublicResultsCacheEviction>();
builder.Services.AddOutputCache(options =>
    options.AddPolicy(PublicResultsCache.PolicyName, policy => policy.AddPolicy<PublicResultsCache>(), excludeDefaultPolicy: true));
// Pooled: a request leases a context instead of building one, which the public lookups feel under load (bench/).
builder.Services.AddDbContextPool<PortalDbContext>((services, options) => options
    .UseNpgsql(connectionString)
    .UseSnakeCaseNamingConvention()
    .AddInterceptors(services.GetRequiredService<PersonKeyInterceptor>(), services.GetRequiredService<PublicResultsCacheEviction>()));

builder.Services.AddSingleton(_ =>
{
    var setting = builder.Configuration["Clock:Now"];
    if (string.IsNullOrWhiteSpace(setting) || builder.Environment.IsProduction())
    {
        return new PortalClock();
    }

    return new PortalClock(PortalClock.ParseSetting(setting));
});
builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<PortalClock>());

builder.Services
    .AddIdentity<PortalUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = PasswordRule.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Security:MaxFailedSignIns", 5);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:LockoutMinutes", 15));
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddErrorDescriber<ChineseIdentityErrorDescriber>()
    .AddPasswordValidator<PasswordComplexityValidator<PortalUser>>()
    .AddDefaultTokenProviders();

builder.Services.Configure<PasswordHasherOptions>(options =>
    options.IterationCount = builder.Configuration.GetValue("Security:PasswordHashIterations", PasswordRule.HashIterations));

// Cookies are Secure always in Production; elsewhere as the request (the local dev and test servers speak plain http).
var cookieSecurity = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/SignIn";
    options.LogoutPath = "/Account/SignOut";
    options.Cookie.Name = "examportal.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = cookieSecurity;
    options.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
var sessionRules = builder.Configuration.GetSection(SessionRules.Section).Get<SessionRules>() ?? new SessionRules();
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<TimeProvider>((options, clock) => sessionRules.Apply(options, clock));
builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = cookieSecurity);
builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = cookieSecurity);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddDataProtection().SetApplicationName("ExamPortal").PersistKeysToDbContext<PortalDbContext>();
builder.Services.AddAuthorization(Policies.Add);

builder.Services.AddRazorPages(options =>
{
    // Input is validated explicitly with FluentValidation; blank optional fields bind as "" not null.

    options.Conventions.AuthorizeAreaFolder("Candidate", "/", Policies.Candidate);
    options.Conventions.AuthorizeAreaFolder("Institution", "/", Policies.Institution);
    options.Conventions.AuthorizeAreaFolder("Centre", "/", Policies.Centre);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Admin", Policies.CentreAdmin);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Payments", Policies.CentreFinance);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Reviews", Policies.CentreReview);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Corrections", Policies.CentreReview);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Submissions", Policies.CentreReview);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Tickets", Policies.CentreExam);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Results", Policies.CentreExam);
    options.Conventions.AuthorizeAreaFolder("Centre", "/Certificates", Policies.CentreExam);
})
// No client-side validation library is served (forms are validated on the server), and its summary placeholder would
// carry an inline style, which the Content-Security-Policy refuses.
.AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
.AddMvcOptions(options =>
{
    options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    options.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
});
builder.Services.Configure<WebEncoderOptions>(options =>
    options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
// Behind nginx the client is the proxy: take the address from X-Forwarded-For, but only from the proxies named here
// (loopback is trusted by default), so the per-client rate limits count clients, not the proxy.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

builder.Services.AddScoped<ReferenceDataSeeder>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<DemoRegistrationSeeder>();
builder.Services.AddScoped<CalendarService>();
builder.Services.AddScoped<ScheduleQueries>();
builder.Services.AddScoped<CatalogueQueries>();
builder.Services.AddScoped<CandidateSignUp>();
builder.Services.AddScoped<WorkbenchQueries>();
builder.Services.AddScoped<RegistrationWorkflow>();
builder.Services.AddScoped<RegistrationQueries>();
builder.Services.AddScoped<ReviewQueries>();
builder.Services.AddScoped<DashboardQueries>();
builder.Services.AddScoped<Notifier>();
builder.Services.AddScoped<MessageQueries>();
builder.Services.AddScoped<FileStore>();
builder.Services.AddScoped<ReturnExpiry>();
builder.Services.AddScoped<PaymentAbandonment>();
builder.Services.AddScoped<DeadlineReminders>();
builder.Services.AddScoped<PaymentWorkflow>();
builder.Services.AddScoped<PaymentQueries>();
builder.Services.AddScoped<ReceiptUpload>();
builder.Services.AddScoped<PlanCancellation>();
builder.Services.AddScoped<CorrectionWorkflow>();
builder.Services.AddScoped<BatchAdministration>();
builder.Services.AddScoped<BatchSetup>();
builder.Services.AddScoped<CalendarAdministration>();
builder.Services.AddScoped<InstitutionContext>();
builder.Services.AddScoped<InstitutionStanding>();
builder.Services.AddScoped<InstitutionAdministration>();
builder.Services.AddScoped<CentreStaffAdministration>();
builder.Services.AddScoped<ProjectAdministration>();
builder.Services.AddScoped<VenueAdministration>();
builder.Services.AddScoped<TicketIssuing>();
builder.Services.AddScoped<TicketQueries>();
builder.Services.AddScoped<TicketDocuments>();
builder.Services.AddScoped<ExamArrangements>();
builder.Services.AddScoped<TicketPrintLog>();
builder.Services.AddScoped<ResultCalendar>();
builder.Services.AddScoped<ScoreEntry>();
builder.Services.AddScoped<ResultQueries>();
builder.Services.AddScoped<ObjectionWorkflow>();
builder.Services.AddScoped<CertificateIssuing>();
builder.Services.AddScoped<CertificateQueries>();
builder.Services.AddSingleton<CertificateVerification>();
builder.Services.AddScoped<CertificateWorkflow>();
builder.Services.AddScoped<CertificateDocuments>();
builder.Services.AddScoped<ExamPortal.Web.Features.Outbox.Outbox>();
builder.Services.AddScoped<AccountCodes>();
builder.Services.AddScoped<PasswordRecovery>();
builder.Services.AddScoped<ContactChange>();
builder.Services.AddScoped<StaffPasswordReset>();
builder.Services.AddScoped<PersonKeyBackfill>();
builder.Services.AddScoped<SignInAudit>();
builder.Services.AddScoped<AuditSearch>();
builder.Services.AddScoped<XlsxExport>();
builder.Services.AddScoped<QueueExports>();

// A password reset or a disabled account reaches every session within a minute (the stamp is re-read that often).
builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
{
    options.ValidationInterval = TimeSpan.FromMinutes(1);
    options.TimeProvider = clock;
});
builder.Services.AddSingleton<VerificationTokens>();
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddScoped<InstitutionWorkflow>();
builder.Services.AddScoped<SubmissionQueries>();
builder.Services.AddScoped<ApplicantImport>();
builder.Services.AddScoped<RegistrationBulkInsert>();
builder.Services.AddScoped<ImportQueries>();
builder.Services.AddScoped<ApplicantQueries>();
builder.Services.AddScoped<InstitutionOnboarding>();
builder.Services.AddScoped<OnboardingQueries>();
builder.Services.AddScoped<StaffManagement>();
builder.Services.AddScoped<AttachmentImport>();
builder.Services.AddSingleton<AttachmentProcessor>();
builder.Services.AddSingleton<PhotoProcessor>();
builder.Services.AddSingleton<ScanProcessor>();
if (builder.Configuration.GetValue("Jobs:Enabled", true))
{
    builder.Services.AddHostedService<DeadlineJobsService>();
}

builder.AddOutbox();

var app = builder.Build();

await InstanceStartup.RunAsync(app, CancellationToken.None);

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

if (app.Environment.IsProduction())
{
    app.UseHsts();
}

app.UseMiddleware<DatabaseOutageMiddleware>();

app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSecurityHeaders();

app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();

// An upload whose declared size is over the endpoint's limit is refused before a byte of it is read,
// with the Chinese 413 page; Kestrel still cuts off a body that grows past the limit without saying so.
app.Use(async (context, next) =>
{
    var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
    if (limit is { } max && context.Request.ContentLength > max)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return;
    }

    await next(context);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapHealthChecks("/health");
app.MapRazorPages();
app.MapBenchFloors(connectionString);
app.UseOutbox();
if (app.Configuration.GetValue<bool>("Jobs:RunOnRequest") && !app.Environment.IsProduction())
{
    app.MapDeadlineJobs();
}

await app.RunAsync();
