using ExamPortal.Domain.Institutions;

namespace ExamPortal.Web.Data.Entities;

/// <summary>A registration institution (报名机构) approved by the centre.</summary>
public sealed class Institution
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CreditCode { get; set; }
    public required string ContactPerson { get; set; }
    public required string ContactPhone { get; set; }
    public string Address { get; set; } = string.Empty;
    public InstitutionType Type { get; set; } = InstitutionType.College;

    /// <summary>Set while the centre has suspended the institution: it may still sign in and read, but not submit or pay.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspendedByUserId { get; set; }

    /// <summary>Shown to the institution's staff on every page that refuses them.</summary>
    public string? SuspensionReason { get; set; }

    public bool IsSuspended => SuspendedAt is not null;
}
