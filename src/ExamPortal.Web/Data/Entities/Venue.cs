namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// An examination venue (考点) the centre uses, with its standing rooms. A batch's plans take their venue text
/// from here, and the batch's rooms (ExamRoom) can be copied from the venue's rooms before tickets are issued.
/// </summary>
public sealed class Venue
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public bool IsActive { get; set; } = true;

    public List<VenueRoom> Rooms { get; } = [];

    /// <summary>What a plan prints as its venue, in the form of ExamPlan.DefaultVenue.</summary>
    public string PlanVenueText => string.IsNullOrWhiteSpace(Address) ? Name : $"{Name}（{Address}）";
}

/// <summary>A standing room of a venue (name, where it is, seats).</summary>
public sealed class VenueRoom
{
    public int Id { get; set; }
    public int VenueId { get; set; }
    public required string Name { get; set; }
    public string? Location { get; set; }
    public int Capacity { get; set; }
    public int SortOrder { get; set; }
}
