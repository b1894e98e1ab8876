using System.Text.RegularExpressions;

namespace ExamPortal.Web.Features.Announcement;

public enum ParagraphKind { Title, Heading, Body }

public sealed record AnnouncementParagraph(ParagraphKind Kind, string Text);

/// <summary>
/// The official announcement as published, shipped inside the assembly. Its attachments (the project
/// table and the schedule) are shown from the database instead, where the centre maintains them.
/// </summary>
public static partial class AnnouncementText
{
    private static readonly Lazy<IReadOnlyList<AnnouncementParagraph>> Body = new(Load);

    public static IReadOnlyList<AnnouncementParagraph> Paragraphs => Body.Value;

    private static List<AnnouncementParagraph> Load()
    {
        using var stream = typeof(AnnouncementText).Assembly.GetManifestResourceStream("announcement-2026.txt")
            ?? throw new InvalidOperationException("The announcement resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var paragraphs = new List<AnnouncementParagraph>();
        var titleLines = 0;
        while (reader.ReadLine() is { } line)
        {
            var text = Bookmark().Replace(line, string.Empty).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith("附件1", StringComparison.Ordinal))
            {
                break;
            }

            var kind = titleLines < 3 && paragraphs.Count == titleLines && !text.EndsWith('：')
                ? ParagraphKind.Title
                : Heading().IsMatch(text) ? ParagraphKind.Heading : ParagraphKind.Body;
            if (kind == ParagraphKind.Title)
            {
                titleLines++;
            }

            paragraphs.Add(new AnnouncementParagraph(kind, text));
        }

        return paragraphs;
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex Heading();
}
