namespace ExamPortal.Domain.Institutions;

// The kinds of organisation section 四（一）1 of the announcement allows to become a 报名机构. Stored by name.
public enum InstitutionType
{
    Enterprise,
    College,
    RegisteredEvaluationBody,
    StandardDeveloper,
    RecommendedAssociation,
}
