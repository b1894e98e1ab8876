using ExamPortal.Domain.Certificates;
using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Results;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class ExamScoreConfiguration : IEntityTypeConfiguration<ExamScore>
{
    public void Configure(EntityTypeBuilder<ExamScore> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Points).HasPrecision(4, 1);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.Property(s => s.CorrectionReason).HasMaxLength(ExamScore.ReasonMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Value);
        builder.HasIndex(s => s.TicketId).IsUnique();
        builder.HasIndex(s => s.RegistrationId).IsUnique();
        builder.HasIndex(s => new { s.BatchId, s.ExamPlanId, s.Outcome });
        builder.HasOne<AdmissionTicket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(s => s.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Text).HasMaxLength(Objection.TextMaxLength);
        builder.Property(o => o.Answer).HasMaxLength(Objection.TextMaxLength);
        builder.Property(o => o.RaisedByUserId).HasMaxLength(450);
        builder.Property(o => o.AnsweredByUserId).HasMaxLength(450);
        builder.Ignore(o => o.IsOpen);
        builder.HasIndex(o => new { o.BatchId, o.AnsweredAt, o.RaisedAt });
        builder.HasIndex(o => o.RegistrationId);
        builder.HasOne<Registration>().WithMany().HasForeignKey(o => o.RegistrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(CertificateNumber.MaxLength);
        builder.Property(c => c.FullName).HasMaxLength(50);
        builder.Property(c => c.IdDocumentType).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.IdNumber).HasMaxLength(20);
        builder.Property(c => c.ProjectName).HasMaxLength(100);
        builder.Property(c => c.CandidateUserId).HasMaxLength(450);
        builder.Property(c => c.IssuedByUserId).HasMaxLength(450);
        builder.Property(c => c.HandedOverByUserId).HasMaxLength(450);
        builder.Property(c => c.CollectedBy).HasMaxLength(100);
        builder.Property(c => c.CollectionNote).HasMaxLength(500);
        builder.Ignore(c => c.IsCollected);

        // The public query: by number, or by ID number then name; one indexed lookup each.
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.IdNumber);
        builder.HasIndex(c => c.RegistrationId).IsUnique();
        builder.HasIndex(c => new { c.BatchId, c.InstitutionId, c.Number });
        builder.HasIndex(c => new { c.BatchId, c.CollectedAt });
        builder.HasOne<Registration>().WithMany().HasForeignKey(c => c.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamScore>().WithMany().HasForeignKey(c => c.ScoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateShareLinkConfiguration : IEntityTypeConfiguration<CertificateShareLink>
{
    public void Configure(EntityTypeBuilder<CertificateShareLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Token).HasMaxLength(64);
        builder.HasIndex(l => l.Token).IsUnique();
        builder.HasIndex(l => l.CertificateId);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(l => l.CertificateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultPublicationConfiguration : IEntityTypeConfiguration<ResultPublication>
{
    public void Configure(EntityTypeBuilder<ResultPublication> builder)
    {
        builder.HasKey(p => p.BatchId);
        builder.Property(p => p.BatchId).ValueGeneratedNever();
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.Property(p => p.ChangedByUserId).HasMaxLength(450);
        builder.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
