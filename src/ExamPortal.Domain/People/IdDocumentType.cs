namespace ExamPortal.Domain.People;

public enum IdDocumentType
{
    ResidentIdCard,
    HongKongMacaoTaiwanResidencePermit,
    ForeignPermanentResidentIdCard,
    Passport,
}
