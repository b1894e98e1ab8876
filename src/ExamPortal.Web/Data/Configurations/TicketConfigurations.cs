using ExamPortal.Domain.Registrations;
using ExamPortal.Domain.Tickets;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class AdmissionTicketConfiguration : IEntityTypeConfiguration<AdmissionTicket>
{
    public void Configure(EntityTypeBuilder<AdmissionTicket> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Number).HasMaxLength(TicketNumber.Length);
        builder.Property(t => t.IssuedByUserId).HasMaxLength(450);

        // The guarantees of issuing twice: one ticket per registration, one number, one candidate per seat.
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => t.RegistrationId).IsUnique();
        builder.HasIndex(t => new { t.ExamRoomId, t.Seat }).IsUnique();
        builder.HasIndex(t => new { t.ExamPlanId, t.Sequence }).IsUnique();
        builder.HasIndex(t => new { t.BatchId, t.Number });

        builder.HasOne<Registration>().WithMany().HasForeignKey(t => t.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(t => t.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Batch>().WithMany().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamRoom>().WithMany().HasForeignKey(t => t.ExamRoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamRoomConfiguration : IEntityTypeConfiguration<ExamRoom>
{
    public void Configure(EntityTypeBuilder<ExamRoom> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(ExamRoom.NameMaxLength);
        builder.Property(r => r.Location).HasMaxLength(ExamRoom.LocationMaxLength);
        builder.HasIndex(r => new { r.BatchId, r.Name }).IsUnique();
        builder.HasIndex(r => new { r.BatchId, r.SortOrder });
        builder.HasOne<Batch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(r => r.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VerificationKeyConfiguration : IEntityTypeConfiguration<VerificationKey>
{
    public void Configure(EntityTypeBuilder<VerificationKey> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Secret).HasMaxLength(64);
    }
}
