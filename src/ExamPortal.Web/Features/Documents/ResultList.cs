namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// A batch's 成绩公示: published on <see cref="PublicationDate"/>, open to objections until
/// <see cref="PublicityEnd"/> (announcement, section 八).
/// </summary>
public sealed record ResultList(
    string BatchTitle,
    DateOnly ExamDate,
    DateOnly PublicationDate,
    DateOnly PublicityEnd,
    IReadOnlyList<ResultListProject> Projects);
