namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// Breaks text into lines no wider than a limit. Chinese may break between any two characters; a run
/// of Latin letters or digits (an ID number, an e-mail address) stays whole unless it alone is wider
/// than a line. Closing punctuation never starts a line and opening punctuation never ends one, as in
/// Chinese typesetting.
/// </summary>
internal static class CjkLineBreaker
{
    private const string NoLineStart = "，。、；：？！）】》」』〉”’…—％,.;:?!)]}%";
    private const string NoLineEnd = "（【《「『〈“‘([{";

    /// <summary>
    /// Wraps each '\n'-separated paragraph; an empty paragraph gives an empty line. The first line of
    /// each paragraph is <paramref name="firstLineIndent"/> narrower, for the two-character indent of
    /// Chinese prose (the caller draws it indented).
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure, double firstLineIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        double Width(string token)
        {
            if (!widths.TryGetValue(token, out var width))
            {
                width = measure(token);
                widths[token] = width;
            }

            return width;
        }

        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, maxWidth, firstLineIndent, Width, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, double maxWidth, double firstLineIndent, Func<string, double> width, List<string> lines)
    {
        var line = new List<string>();
        var lineWidth = 0.0;
        var limit = maxWidth - firstLineIndent;
        foreach (var token in Tokens(paragraph).SelectMany(t => SplitIfWider(t, maxWidth - firstLineIndent, width)))
        {
            var tokenWidth = width(token);
            if (line.Count > 0 && lineWidth + tokenWidth > limit && !string.IsNullOrWhiteSpace(token))
            {
                limit = maxWidth;
                var carried = Carried(line, token);
                lines.Add(string.Concat(line.Take(line.Count - carried)).TrimEnd());
                line.RemoveRange(0, line.Count - carried);
                lineWidth = line.Sum(width);
            }

            if (line.Count == 0 && string.IsNullOrWhiteSpace(token))
            {
                continue;
            }

            line.Add(token);
            lineWidth += tokenWidth;
        }

        lines.Add(string.Concat(line).TrimEnd());
    }

    // How many tokens at the end of a full line move to the next one: one when the next token may not
    // start a line (it takes a character along) or when the line would end on an opening bracket.
    private static int Carried(List<string> line, string next)
    {
        if (line.Count < 2)
        {
            return 0;
        }

        var last = line[^1];
        return NoLineStart.Contains(next[0], StringComparison.Ordinal) || NoLineEnd.Contains(last[^1], StringComparison.Ordinal)
            ? 1
            : 0;
    }

    // Tokens: one CJK character (with its surrogate pair), one whitespace character, or a run of
    // anything else (Latin words, digits, ASCII punctuation), which must not be split.
    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            if (length == 2 || IsCjk(text[i]) || char.IsWhiteSpace(text[i]))
            {
                yield return text.Substring(i, length);
                i += length;
                continue;
            }

            var start = i;
            while (i < text.Length && !IsCjk(text[i]) && !char.IsWhiteSpace(text[i]) && !char.IsHighSurrogate(text[i]))
            {
                i++;
            }

            yield return text[start..i];
        }
    }

    private static IEnumerable<string> SplitIfWider(string token, double maxWidth, Func<string, double> width)
    {
        if (token.Length == 1 || width(token) <= maxWidth)
        {
            yield return token;
            yield break;
        }

        foreach (var c in token)
        {
            yield return c.ToString();
        }
    }

    // CJK ideographs, radicals, CJK punctuation, kana, Hangul, compatibility forms, full-width forms,
    // and the curly quotes, ellipsis and dash that Chinese text uses.
    private static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFFEF'
            or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u2014';
}
