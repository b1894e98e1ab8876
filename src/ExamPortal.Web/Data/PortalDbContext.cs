using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<ExamPlan> ExamPlans => Set<ExamPlan>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationEvent> RegistrationEvents => Set<RegistrationEvent>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<InstitutionImport> InstitutionImports => Set<InstitutionImport>();
    public DbSet<InstitutionSubmission> InstitutionSubmissions => Set<InstitutionSubmission>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();
    public DbSet<PayeeAccount> PayeeAccounts => Set<PayeeAccount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ExamRoom> ExamRooms => Set<ExamRoom>();
    public DbSet<AdmissionTicket> AdmissionTickets => Set<AdmissionTicket>();
    public DbSet<VerificationKey> VerificationKeys => Set<VerificationKey>();
    public DbSet<ExamScore> ExamScores => Set<ExamScore>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateShareLink> CertificateShareLinks => Set<CertificateShareLink>();
    public DbSet<ResultPublication> ResultPublications => Set<ResultPublication>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AccountCode> AccountCodes => Set<AccountCode>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<VenueRoom> VenueRooms => Set<VenueRoom>();
    public DbSet<ExamPortal.Domain.Institutions.InstitutionApplication> InstitutionApplications => Set<ExamPortal.Domain.Institutions.InstitutionApplication>();

    /// <summary>Keys live in the database so several portal instances share cookies and antiforgery tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
