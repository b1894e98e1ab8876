namespace ExamPortal.Domain.People;

// Names on public pages (ticket verification, results publicity): 张三 → 张*, 张小三 → 张*三, 欧阳小华 → 欧阳*华.
// One character is hidden for two- and three-character names; from four on, the first two (a compound surname
// such as 欧阳 stays whole) and the last stay. Documented in docs/glossary.md.
public static class PersonName
{
    public static string Mask(string? name)
    {
        var text = (name ?? string.Empty).Trim();
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        var count = letters.Length;
        string At(int index) => System.Globalization.StringInfo.GetNextTextElement(text, letters[index]);
        return count switch
        {
            0 => string.Empty,
            1 => "*",
            2 => At(0) + "*",
            3 => At(0) + "*" + At(2),
            _ => At(0) + At(1) + new string('*', count - 3) + At(count - 1),
        };
    }
}
