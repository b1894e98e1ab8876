namespace ExamPortal.Web.Data.Entities;

/// <summary>An assessment plan (考核计划): one project in one batch.</summary>
public sealed class ExamPlan
{
    public const string DefaultVenue = "省直考点（成都市青羊区东二巷18号）";
    public static readonly TimeOnly DefaultStartTime = new(9, 0);
    public static readonly TimeOnly DefaultEndTime = new(11, 0);

    public int Id { get; set; }
    public int BatchId { get; set; }
    public Batch Batch { get; set; } = null!;
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    public string Venue { get; set; } = DefaultVenue;

    /// <summary>The sitting on the batch's exam day, printed on tickets and sign-in sheets (configurable per plan).</summary>
    public TimeOnly ExamStartTime { get; set; } = DefaultStartTime;
    public TimeOnly ExamEndTime { get; set; } = DefaultEndTime;

    /// <summary>Set when a CentreAdmin cancels the plan for too few registrants (section 四).</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledByUserId { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Whether registrants who transfer to a later batch keep their review result (the centre's choice).</summary>
    public bool CarryOverReview { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}
