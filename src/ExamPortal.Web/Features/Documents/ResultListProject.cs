namespace ExamPortal.Web.Features.Documents;

/// <summary>One project's part of the 成绩公示, its candidates in the order they are to be listed.</summary>
public sealed record ResultListProject(string ProjectName, IReadOnlyList<ResultListEntry> Entries);
