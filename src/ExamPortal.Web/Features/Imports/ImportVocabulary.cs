using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Features.Imports;

/// <summary>
/// The words institutions type into the list columns: the template's own choices plus the common short
/// forms, so that a sheet kept outside the template still reads.
/// </summary>
internal static class ImportVocabulary
{
    public static IReadOnlyList<string> GenderNames { get; } = ["男", "女"];

    private static readonly Dictionary<string, Gender> Genders = Index(
    [
        ("男", Gender.Male), ("男性", Gender.Male), ("M", Gender.Male), ("MALE", Gender.Male),
        ("女", Gender.Female), ("女性", Gender.Female), ("F", Gender.Female), ("FEMALE", Gender.Female),
    ]);

    private static readonly Dictionary<string, EducationLevel> Educations = Index(
    [
        .. Enum.GetValues<EducationLevel>().Select(level => (EducationLevels.DisplayName(level), level)),
        ("大专", EducationLevel.JuniorCollege), ("专科", EducationLevel.JuniorCollege),
        ("本科", EducationLevel.Bachelor),
        ("中专", EducationLevel.SecondaryVocational), ("中职", EducationLevel.SecondaryVocational),
        ("技校", EducationLevel.TechnicalSchool),
        ("硕士", EducationLevel.Postgraduate), ("博士", EducationLevel.Postgraduate),
        ("硕士研究生", EducationLevel.Postgraduate), ("博士研究生", EducationLevel.Postgraduate),
        ("初中", EducationLevel.JuniorHighOrBelow), ("小学", EducationLevel.JuniorHighOrBelow),
    ]);

    private static readonly Dictionary<string, IdDocumentType> DocumentTypes = Index(
    [
        .. Enum.GetValues<IdDocumentType>().Select(type => (IdDocumentTypes.DisplayName(type), type)),
        ("身份证", IdDocumentType.ResidentIdCard),
        ("港澳台居住证", IdDocumentType.HongKongMacaoTaiwanResidencePermit),
        ("外国人永久居留证", IdDocumentType.ForeignPermanentResidentIdCard),
    ]);

    public static Gender? ParseGender(string text) => Genders.TryGetValue(CellText.Key(text), out var gender) ? gender : null;

    public static EducationLevel? ParseEducation(string text) => Educations.TryGetValue(CellText.Key(text), out var level) ? level : null;

    public static IdDocumentType? ParseIdDocumentType(string text) => DocumentTypes.TryGetValue(CellText.Key(text), out var type) ? type : null;

    private static Dictionary<string, T> Index<T>(IEnumerable<(string Name, T Value)> entries) =>
        entries.ToDictionary(e => CellText.Key(e.Name), e => e.Value);
}
