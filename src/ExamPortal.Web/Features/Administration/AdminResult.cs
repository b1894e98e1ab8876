using ExamPortal.Web.Features.Registrations;

namespace ExamPortal.Web.Features.Administration;

/// <summary>A message for one input of the form (Field is the ModelState key), or for the form as a whole (Field null).</summary>
public sealed record FieldMessage(string? Field, string Message);

/// <summary>
/// What an administrative save tells the page: done (with warnings worth reading and the record's id), not found,
/// refused with one message per offending input, or changed by someone else meanwhile.
/// </summary>
public sealed record AdminResult(WorkflowOutcome Outcome, IReadOnlyList<FieldMessage> Errors, IReadOnlyList<string> Warnings, int? Id = null)
{
    public static readonly AdminResult NotFound = new(WorkflowOutcome.NotFound, [], []);
    public static readonly AdminResult Conflict = new(WorkflowOutcome.Conflict, [new(null, WorkflowResult.ConflictMessage)], []);

    public static AdminResult Ok(IReadOnlyList<string> warnings, int? id = null) => new(WorkflowOutcome.Ok, [], warnings, id);

    public static AdminResult Refused(IReadOnlyList<FieldMessage> errors) => new(WorkflowOutcome.Refused, errors, []);

    public static AdminResult Refused(string? field, string message) => new(WorkflowOutcome.Refused, [new(field, message)], []);
}
