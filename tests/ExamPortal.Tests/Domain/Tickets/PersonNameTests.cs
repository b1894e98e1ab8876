using ExamPortal.Domain.People;

namespace ExamPortal.Tests.Domain.Tickets;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小华", "欧阳*华")]
    [InlineData("爱新觉罗溥仪", "爱新***仪")]
    [InlineData("李", "*")]
    [InlineData(" 王五 ", "王*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Public_pages_show_names_masked(string? name, string expected)
    {
        Assert.Equal(expected, PersonName.Mask(name));
    }
}
