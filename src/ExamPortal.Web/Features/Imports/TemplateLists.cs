namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// The choices of the template's drop-down lists that depend on the catalogue: the active projects'
/// names and their 申报条件 labels (EligibilityPath.Label).
/// </summary>
public sealed record TemplateLists(IReadOnlyList<string> ProjectNames, IReadOnlyList<string> ConditionLabels);
