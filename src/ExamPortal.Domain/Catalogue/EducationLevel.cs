using System.Text.Json.Serialization;

namespace ExamPortal.Domain.Catalogue;

// 文化程度 as the registration form lists it.
// Stored by name inside JSON rules, so reordering members cannot change what a stored rule means.
[JsonConverter(typeof(JsonStringEnumConverter<EducationLevel>))]
public enum EducationLevel
{
    JuniorHighOrBelow,
    HighSchool,
    SecondaryVocational,
    TechnicalSchool,
    TechnicianCollege,
    JuniorCollege,
    Bachelor,
    Postgraduate,
}
