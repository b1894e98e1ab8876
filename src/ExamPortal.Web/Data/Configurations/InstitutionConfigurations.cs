using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class InstitutionImportConfiguration : IEntityTypeConfiguration<InstitutionImport>
{
    public void Configure(EntityTypeBuilder<InstitutionImport> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.UploadedByUserId).HasMaxLength(450);
        builder.Property(i => i.SheetProblems)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>());
        builder.Property(i => i.Rows)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<IReadOnlyList<ImportRowResult>>(), JsonColumn.Comparer<IReadOnlyList<ImportRowResult>>());
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Batch>().WithMany().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.InstitutionId, i.UploadedAt });
    }
}

internal sealed class InstitutionApplicationConfiguration : IEntityTypeConfiguration<ExamPortal.Domain.Institutions.InstitutionApplication>
{
    public void Configure(EntityTypeBuilder<ExamPortal.Domain.Institutions.InstitutionApplication> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Address).HasMaxLength(300);
        builder.Property(a => a.ContactPerson).HasMaxLength(50);
        builder.Property(a => a.ContactPhone).HasMaxLength(20);
        builder.Property(a => a.ContactEmail).HasMaxLength(100);
        builder.Property(a => a.RejectReason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        builder.HasIndex(a => a.CreditCode);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstitutionApplicationEventConfiguration : IEntityTypeConfiguration<ExamPortal.Domain.Institutions.InstitutionApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ExamPortal.Domain.Institutions.InstitutionApplicationEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Note).HasMaxLength(1000);
    }
}

internal sealed class InstitutionSubmissionConfiguration : IEntityTypeConfiguration<InstitutionSubmission>
{
    public void Configure(EntityTypeBuilder<InstitutionSubmission> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Number).HasMaxLength(30);
        builder.HasIndex(s => s.Number).IsUnique();
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450);
        builder.Property(s => s.SubmittedByName).HasMaxLength(50);
        builder.Property(s => s.CommitmentWording).HasMaxLength(4000);
        builder.Property(s => s.OriginalsRecordedByUserId).HasMaxLength(450);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Batch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.InstitutionId, s.SubmittedAt });
        builder.HasIndex(s => new { s.BatchId, s.OriginalsReceivedOn });
    }
}
