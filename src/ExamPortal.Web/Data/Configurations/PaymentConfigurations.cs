using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CandidateUserId).HasMaxLength(450);
        builder.Property(p => p.SubmittedByUserId).HasMaxLength(450);
        builder.Property(p => p.DecidedByUserId).HasMaxLength(450);
        builder.Property(p => p.PayerName).HasMaxLength(Payment.PayerNameMaxLength);
        builder.Property(p => p.BankSerialNumber).HasMaxLength(Payment.SerialMaxLength);
        builder.Property(p => p.Remark).HasMaxLength(Payment.RemarkMaxLength);
        builder.Property(p => p.ReturnReason).HasMaxLength(Registration.ReasonMaxLength);
        builder.Property(p => p.Amount).HasPrecision(10, 2);
        builder.Property(p => p.ExpectedAmount).HasPrecision(10, 2);
        builder.Property(p => p.RegistrationIds)
            .HasColumnType("uuid[]")
            .HasConversion(v => v.ToArray(), v => v.ToList(), JsonColumn.Comparer<IReadOnlyList<Guid>>());
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.ReceiptFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.CandidateUserId).OnDelete(DeleteBehavior.Restrict);

        // The finance queue (oldest first), the payer's own list, and the duplicate-serial check.
        builder.HasIndex(p => new { p.Status, p.SubmittedAt });
        builder.HasIndex(p => new { p.InstitutionId, p.BatchId, p.SubmittedAt });
        builder.HasIndex(p => new { p.CandidateUserId, p.SubmittedAt });
        builder.HasIndex(p => p.BankSerialNumber);
        builder.HasIndex(p => p.ReceiptFileId);
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CurrentName).HasMaxLength(CorrectionRequest.FullNameMaxLength);
        builder.Property(c => c.RequestedName).HasMaxLength(CorrectionRequest.FullNameMaxLength);
        builder.Property(c => c.CurrentIdNumber).HasMaxLength(20);
        builder.Property(c => c.RequestedIdNumber).HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(Registration.ReasonMaxLength);
        builder.Property(c => c.DecisionNote).HasMaxLength(Registration.ReasonMaxLength);
        builder.Property(c => c.RequestedByUserId).HasMaxLength(450);
        builder.Property(c => c.DecidedByUserId).HasMaxLength(450);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasOne<Registration>().WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RegistrationId, c.RequestedAt });

        // One pending request per registration, enforced where two clicks cannot both pass.
        builder.HasIndex(c => c.RegistrationId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_correction_requests_one_pending");
        builder.HasIndex(c => new { c.Status, c.RequestedAt });
    }
}

internal sealed class PayeeAccountConfiguration : IEntityTypeConfiguration<PayeeAccount>
{
    public void Configure(EntityTypeBuilder<PayeeAccount> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PayeeName).HasMaxLength(100);
        builder.Property(a => a.AccountNumber).HasMaxLength(40);
        builder.Property(a => a.BankName).HasMaxLength(100);
        builder.Property(a => a.UpdatedByUserId).HasMaxLength(450);
        builder.ToTable(t => t.HasCheckConstraint("ck_payee_accounts_single_row", $"id = {PayeeAccount.SingletonId}"));
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int PersonKeyLength = 32;

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorRole).HasMaxLength(30);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => new { a.Subject, a.At });
        builder.HasIndex(a => a.At);

        // The audit search: by actor, by action, by registration and by person, each newest first within a date range.
        builder.HasIndex(a => new { a.ActorUserId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => new { a.RegistrationId, a.At });
        builder.Property(a => a.PersonKey).HasMaxLength(PersonKeyLength);
        builder.HasIndex(a => new { a.PersonKey, a.At });
    }
}
