using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// The naming rule the applicant template tells institutions to follow (instruction 7):
/// "{证件号码}_{材料名}.{jpg|jpeg|png|pdf}", e.g. 510104199001011234_照片.jpg.
/// </summary>
internal static class AttachmentName
{
    public const string Rule = "文件名应为“证件号码_材料名.jpg”，如 510104199001011234_照片.jpg";

    private const string TemplateNames = "照片、个人申报表、个人诚信承诺书、学历证明、身份证正面、身份证反面";

    private static readonly string[] Extensions = ["jpg", "jpeg", "png", "pdf"];

    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly Dictionary<string, DocumentSlot> Slots = MaterialNames();

    /// <summary>The part after the last "/": a folder prefix is allowed and only the file name counts.</summary>
    public static string FileName(string entryName) => entryName[(entryName.LastIndexOf('/') + 1)..];

    /// <summary>Reads the ID number and slot from a file name, or says how the name breaks the rule.</summary>
    public static bool TryParse(string fileName, out string idNumber, out DocumentSlot slot, [NotNullWhen(false)] out string? problem)
    {
        idNumber = string.Empty;
        slot = default;
        var dot = fileName.LastIndexOf('.');
        if (dot <= 0)
        {
            problem = Rule;
            return false;
        }

        if (!Extensions.Contains(fileName[(dot + 1)..], StringComparer.OrdinalIgnoreCase))
        {
            problem = $"只能上传jpg、jpeg、png或pdf文件；{Rule}";
            return false;
        }

        var parts = fileName[..dot].Split('_');
        if (parts.Length != 2)
        {
            problem = Rule;
            return false;
        }

        var id = IdentityNumber.Normalize(parts[0]);
        if (id.Length == 0 || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            problem = $"“_”前应为考生的证件号码（只含数字和字母），不能是姓名或其他文字；{Rule}";
            return false;
        }

        var material = string.Concat(parts[1].Where(c => !char.IsWhiteSpace(c)));
        if (!Slots.TryGetValue(material, out slot))
        {
            problem = $"材料名“{material}”无法识别，应为以下之一：{TemplateNames}";
            return false;
        }

        idNumber = id;
        problem = null;
        return true;
    }

    /// <summary>
    /// The ID number a name starts with even when the rest breaks the rule (text before the first "_",
    /// else before the extension), so a problem can be shown beside the person it concerns.
    /// </summary>
    public static string LeadingIdNumber(string entryName)
    {
        var fileName = FileName(entryName);
        var end = fileName.IndexOf('_');
        if (end < 0)
        {
            end = fileName.LastIndexOf('.');
        }

        return IdentityNumber.Normalize(end < 0 ? fileName : fileName[..end]);
    }

    // The template's names, then the portal's display names for the same slots ("考生本人照片",
    // "学历或学籍证明"): institutions copy either from the pages they have in front of them.
    private static Dictionary<string, DocumentSlot> MaterialNames()
    {
        var names = new Dictionary<string, DocumentSlot>(StringComparer.Ordinal)
        {
            ["照片"] = DocumentSlot.Photo,
            ["个人申报表"] = DocumentSlot.ApplicationForm,
            ["个人诚信承诺书"] = DocumentSlot.IntegrityCommitment,
            ["学历证明"] = DocumentSlot.EducationProof,
            ["身份证正面"] = DocumentSlot.IdCardFront,
            ["身份证反面"] = DocumentSlot.IdCardBack,
        };
        foreach (var slot in DocumentSlots.Required)
        {
            names.TryAdd(DocumentSlots.DisplayName(slot), slot);
        }

        return names;
    }
}
