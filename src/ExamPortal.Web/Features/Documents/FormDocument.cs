using System.Globalization;
using ExamPortal.Domain.Common;
using PdfSharp.Pdf;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// What every printed document shares: a PDF that embeds the Chinese font as a subset, its bytes, and
/// dates and times written the way Chinese forms print them, whatever the server's culture.
/// </summary>
internal static class FormDocument
{
    public static PdfDocument Create(string title)
    {
        ChineseFontResolver.EnsureRegistered();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "ExamPortal";
        document.Options.CompressContentStreams = true;
        return document;
    }

    public static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>An instant as the clock on the wall in Sichuan showed it.</summary>
    public static string Time(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
