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
}
