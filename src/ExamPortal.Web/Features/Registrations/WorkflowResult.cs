namespace ExamPortal.Web.Features.Registrations;

public enum WorkflowOutcome { Ok, NotFound, Refused, Conflict }

/// <summary>What a workflow step tells the page: done, not yours, refused by a rule (with its message), or changed by someone else.</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, string? Message = null, Guid? RelatedId = null)
{
    public const string ConflictMessage = "该记录已被他人修改，请刷新后重试";

    public static readonly WorkflowResult Ok = new(WorkflowOutcome.Ok);
    public static readonly WorkflowResult NotFound = new(WorkflowOutcome.NotFound);
    public static readonly WorkflowResult Conflict = new(WorkflowOutcome.Conflict, ConflictMessage);

    public bool Succeeded => Outcome == WorkflowOutcome.Ok;

    public static WorkflowResult Refused(string message, Guid? relatedId = null) => new(WorkflowOutcome.Refused, message, relatedId);

    public static WorkflowResult Created(Guid id) => new(WorkflowOutcome.Ok, null, id);
}
