using ExamPortal.Domain.Catalogue;
using ExamPortal.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExamPortal.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Fee).HasPrecision(10, 2);
        builder.Property(p => p.Eligibility)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<EligibilityRule>(), JsonColumn.Comparer<EligibilityRule>());
    }
}

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.HasIndex(b => new { b.Year, b.Number }).IsUnique();
        builder.HasIndex(b => b.ExamDate);
        builder.Ignore(b => b.Schedule);
        builder.Ignore(b => b.Title);
        builder.HasMany(b => b.Plans).WithOne(p => p.Batch).HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExamPlanConfiguration : IEntityTypeConfiguration<ExamPlan>
{
    public void Configure(EntityTypeBuilder<ExamPlan> builder)
    {
        builder.HasIndex(p => new { p.BatchId, p.ProjectId }).IsUnique();
        builder.Property(p => p.Venue).HasMaxLength(200);
        builder.Property(p => p.CancelledByUserId).HasMaxLength(450);
        builder.Property(p => p.CancellationReason).HasMaxLength(1000);
        builder.HasOne(p => p.Project).WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(200);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Note).HasMaxLength(100);
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.CreditCode).HasMaxLength(18);
        builder.HasIndex(i => i.CreditCode).IsUnique();
        builder.Property(i => i.ContactPerson).HasMaxLength(50);
        builder.Property(i => i.ContactPhone).HasMaxLength(20);
        builder.Property(i => i.Address).HasMaxLength(300);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.SuspendedByUserId).HasMaxLength(450);
        builder.Property(i => i.SuspensionReason).HasMaxLength(500);
        builder.HasIndex(i => i.Name);
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(Venue.NameMaxLength);
        builder.Property(v => v.Address).HasMaxLength(Venue.AddressMaxLength);
        builder.HasIndex(v => v.Name).IsUnique();
        builder.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VenueRoomConfiguration : IEntityTypeConfiguration<VenueRoom>
{
    public void Configure(EntityTypeBuilder<VenueRoom> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(ExamRoom.NameMaxLength);
        builder.Property(r => r.Location).HasMaxLength(ExamRoom.LocationMaxLength);
        builder.HasIndex(r => new { r.VenueId, r.Name }).IsUnique();
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(50);
        builder.Property(u => u.IdDocumentType).HasConversion<string>().HasMaxLength(40);
        builder.Property(u => u.IdNumber).HasMaxLength(20);
        builder.Property(u => u.Gender).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(u => new { u.IdDocumentType, u.IdNumber })
            .IsUnique()
            .HasFilter("id_number IS NOT NULL");
        builder.HasIndex(u => u.PhoneNumber);
        builder.HasOne(u => u.Institution).WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
