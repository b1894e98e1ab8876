namespace ExamPortal.Web.Data.Entities;

/// <summary>
/// A room of a batch (考场) with its seats. CentreExam sets rooms up before issuing tickets; issuing adds
/// default rooms of 30 seats when they run out. Once a plan is seated in it the room is that plan's.
/// </summary>
public sealed class ExamRoom
{
    public const int NameMaxLength = 40;
    public const int LocationMaxLength = 200;
    public const int MaxCapacity = 200;

    public int Id { get; set; }
    public int BatchId { get; set; }
    public required string Name { get; set; }

    /// <summary>Where the room is inside the venue, printed on tickets (e.g. 5楼501室); optional.</summary>
    public string? Location { get; set; }

    public int Capacity { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The plan whose candidates sit here; null until the first ticket seats one.</summary>
    public int? ExamPlanId { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(Location) ? Name : $"{Name}（{Location}）";
}
