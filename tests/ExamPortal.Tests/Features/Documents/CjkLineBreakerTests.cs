using ExamPortal.Web.Features.Documents;

namespace ExamPortal.Tests.Features.Documents;

public sealed class CjkLineBreakerTests
{
    // Every character one unit wide, so widths are character counts.
    private static double Measure(string text) => text.Length;

    [Fact]
    public void ChineseBreaksBetweenAnyTwoCharacters() =>
        Assert.Equal(["四川省专", "项职业能", "力考核"], CjkLineBreaker.Wrap("四川省专项职业能力考核", 4, Measure));

    [Fact]
    public void AnIdNumberIsNeverSplitWhenItFitsOnALine() =>
        Assert.Equal(["证件号码", "51010419900101123X"], CjkLineBreaker.Wrap("证件号码51010419900101123X", 20, Measure));

    [Fact]
    public void ARunLongerThanALineIsSplitByCharacter() =>
        Assert.Equal(["ABCD", "EFGH", "IJ"], CjkLineBreaker.Wrap("ABCDEFGHIJ", 4, Measure));

    [Fact]
    public void LatinWordsBreakAtSpacesWhichDoNotStartOrEndLines() =>
        Assert.Equal(["Big Data", "Centre Co."], CjkLineBreaker.Wrap("Big Data Centre Co.", 10, Measure));

    [Fact]
    public void ClosingPunctuationTakesAPreviousCharacterAlongRatherThanStartALine() =>
        Assert.Equal(["本人承", "诺，以上", "信息"], CjkLineBreaker.Wrap("本人承诺，以上信息", 4, Measure));

    [Fact]
    public void AnOpeningBracketDoesNotEndALine() =>
        Assert.Equal(["具有高", "（同等学", "力）"], CjkLineBreaker.Wrap("具有高（同等学力）", 4, Measure));

    [Fact]
    public void ParagraphsStaySeparateAndTheFirstLineLeavesRoomForTheIndent() =>
        Assert.Equal(["一二", "三四五六", "七", "八九"], CjkLineBreaker.Wrap("一二三四五六七\n八九", 4, Measure, firstLineIndent: 2));

    [Fact]
    public void EmptyTextIsOneEmptyLine() =>
        Assert.Equal([string.Empty], CjkLineBreaker.Wrap(string.Empty, 4, Measure));
}
