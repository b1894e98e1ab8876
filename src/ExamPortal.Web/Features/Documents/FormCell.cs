namespace ExamPortal.Web.Features.Documents;

/// <summary>One box of a form table: a grey caption (label) or what the candidate typed.</summary>
internal sealed record FormCell(string Text, double Width, bool IsLabel = false)
{
    public static FormCell Label(string text, double width) => new(text, width, IsLabel: true);
}
