using System.Globalization;
using ExamPortal.Domain.Batches;
using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;

namespace ExamPortal.Web.Infrastructure.Display;

/// <summary>Razor-friendly access to the domain's Chinese names, and the portal's date and money formats.</summary>
public static class Labels
{
    private static readonly CultureInfo China = CultureInfo.GetCultureInfo("zh-CN");

    public static string ToChinese(this BatchPhase phase) => BatchPhases.DisplayName(phase);

    public static string ToChinese(this IdDocumentType type) => IdDocumentTypes.DisplayName(type);

    public static string ToChinese(this Gender gender) => gender == Gender.Male ? "男" : "女";

    public static string ToChinese(this EducationLevel level) => EducationLevels.DisplayName(level);

    public static string ToChinese(this EducationProofCase proof) => EducationProofCases.DisplayName(proof);

    public static string ToChinese(this Role role) => Roles.DisplayName(role);

    public static string ToChinese(this DateRange range) => $"{range.Start.ToChinese()}—{range.End.ToChinese()}";

    public static string ToChinese(this DateOnly date) => date.ToString("M月d日", China);

    public static string ToChineseLong(this DateOnly date) => date.ToString("yyyy年M月d日（dddd）", China);

    public static string ToYuan(this decimal amount) => Money.Yuan(amount);

    /// <summary>An instant as China reads it, to the minute: "2026-03-11 23:59".</summary>
    public static string ToChinaText(this DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
