namespace ExamPortal.Domain.Catalogue;

// A major group (专业类) of one education band; Level is JuniorCollege (专科), Bachelor (本科) or Postgraduate (研究生).
// Code is the discipline code the announcement prints for postgraduate groups, e.g. 0402.
public sealed record MajorGroup(EducationLevel Level, string Name, string? Code);
