using ExamPortal.Domain.Catalogue;

namespace ExamPortal.Web.Data.Entities;

/// <summary>A special vocational ability (专项职业能力) the centre assesses.</summary>
public sealed class Project
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required EligibilityRule Eligibility { get; set; }
    public decimal Fee { get; set; }

    /// <summary>True until the centre confirms the amount: the announcement cites the fee rule but prints no figure.</summary>
    public bool FeeIsProvisional { get; set; }

    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
}
