using System.Text.Json.Serialization;

namespace ExamPortal.Domain.Catalogue;

// Stored by name inside JSON rules, so reordering members cannot change what a stored rule means.
[JsonConverter(typeof(JsonStringEnumConverter<EligibilityPathKind>))]
public enum EligibilityPathKind
{
    Education,
    RelatedMajor,
    RelatedOccupation,
    RelatedSkill,
}
