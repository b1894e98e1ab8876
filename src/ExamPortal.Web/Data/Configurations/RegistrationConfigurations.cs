using ExamPortal.Domain.Payments;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public const string IdNumberKeyProperty = "IdNumberKey";

    /// <summary>The partial unique index behind "one live registration per person per batch".</summary>
    public const string LiveIndexName = "ux_registrations_one_live_per_person_per_batch";

    /// <summary>Statuses that free the person to register again in the same batch.</summary>
    public static readonly string NotLiveFilter =
        $"status NOT IN ({string.Join(", ", Registration.NotLiveStatuses.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CandidateUserId).HasMaxLength(450);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.IdDocumentType).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.IdNumber).HasMaxLength(20);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.ReturnReason).HasMaxLength(1000);
        builder.Property(r => r.RejectReason).HasMaxLength(1000);
        builder.Property(r => r.PaymentReturnReason).HasMaxLength(1000);
        builder.Property(r => r.CancelReason).HasMaxLength(1000);
        builder.Property(r => r.CancelledFrom).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.CommitmentWording).HasMaxLength(4000);
        builder.Property(r => r.ReturnedItems)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
        builder.Property(r => r.Details)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<PersonalDetails?>(), JsonColumn.Comparer<PersonalDetails?>());

        builder.HasMany(r => r.Documents).WithOne().HasForeignKey("RegistrationId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(e => e.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(r => r.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Batch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.CandidateUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);

        // At most one live registration per person per batch: the exam dates of a batch coincide.
        builder.HasIndex(r => new { r.BatchId, r.IdDocumentType, r.IdNumber })
            .IsUnique()
            .HasFilter(NotLiveFilter)
            .HasDatabaseName(LiveIndexName);
        builder.HasIndex(r => new { r.CandidateUserId, r.CreatedAt });
        builder.HasIndex(r => new { r.BatchId, r.Status, r.ExamPlanId, r.LastSubmittedAt });
        builder.HasIndex(r => new { r.ExamPlanId, r.IdDocumentType, r.IdNumber });
        builder.HasIndex(r => new { r.InstitutionId, r.BatchId, r.Status });
        builder.HasIndex(r => r.PaymentId);

        // The public ticket lookup by ID number and name, across batches, in one indexed query.
        builder.HasIndex(r => r.IdNumber);
        builder.HasIndex(r => new { r.ExamPlanId, r.Status });

        // The keyed hash of the ID number (PersonKeys), filled when the registration is saved: the audit
        // search finds a person's registrations by it without comparing plain ID numbers.
        builder.Property<byte[]>(IdNumberKeyProperty).HasMaxLength(AuditEntryConfiguration.PersonKeyLength);
        builder.HasIndex(IdNumberKeyProperty);

        // The dashboard's registrations-per-day chart of one batch.
        builder.HasIndex(r => new { r.BatchId, r.CreatedAt });
        builder.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionSubmission>().WithMany().HasForeignKey(r => r.InstitutionSubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegistrationDocumentConfiguration : IEntityTypeConfiguration<RegistrationDocument>
{
    public void Configure(EntityTypeBuilder<RegistrationDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Slot).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.FileId);
        builder.HasIndex("RegistrationId", nameof(RegistrationDocument.Slot)).IsUnique();
    }
}

internal sealed class RegistrationEventConfiguration : IEntityTypeConfiguration<RegistrationEvent>
{
    public void Configure(EntityTypeBuilder<RegistrationEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.RegistrationId, e.At });

        // The audit search over state changes: by actor, by action, or by date range alone.
        builder.HasIndex(e => new { e.ActorUserId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => e.At);
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OwnerUserId).HasMaxLength(450);
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasIndex(f => f.OwnerUserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
        builder.HasIndex(m => m.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_messages_unread");
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
