using ExamPortal.Domain.Catalogue;

namespace ExamPortal.Web.Features.Imports;

/// <summary>What a sheet is checked against: the day ages are counted on and the batch's projects by name.</summary>
public sealed record ImportContext(DateOnly AsOf, IReadOnlyDictionary<string, ProjectRule> ProjectsByName);

/// <summary>A project open in the batch, with the 申报条件 its rows are judged by.</summary>
public sealed record ProjectRule(string Code, string Name, EligibilityRule Eligibility);
