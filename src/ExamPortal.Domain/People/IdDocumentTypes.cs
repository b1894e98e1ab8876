namespace ExamPortal.Domain.People;

public static class IdDocumentTypes
{
    public static string DisplayName(IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.HongKongMacaoTaiwanResidencePermit => "港澳台居民居住证",
        IdDocumentType.ForeignPermanentResidentIdCard => "外国人永久居留身份证",
        IdDocumentType.Passport => "护照",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的证件类型"),
    };
}
