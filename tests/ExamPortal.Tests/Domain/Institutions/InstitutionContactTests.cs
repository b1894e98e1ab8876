using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

public sealed class InstitutionContactTests
{
    [Theory]
    [InlineData("028-86156861", "028-86156861")]
    [InlineData("02886156861", "02886156861")]
    [InlineData("０２８－８６１５６８６１", "028-86156861")]
    [InlineData("028 8615 6861", "02886156861")]
    [InlineData("86156861", "86156861")]
    [InlineData("400-123-4567", "400-123-4567")]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    public void AMobileOrALandlineIsAccepted(string raw, string expected)
    {
        Assert.True(InstitutionContact.TryNormalizePhone(raw, out var phone, out var error), error);
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("1381234567", "手机号码应为11位数字，您输入了10位")]
    [InlineData("+86 28 8615 6861", "联系电话只能包含数字和“-”，请去掉其他字符（座机号码如028-86156861）")]
    [InlineData("028-8615686１#8", "联系电话只能包含数字和“-”，请去掉其他字符（座机号码如028-86156861）")]
    [InlineData("028-86156861-8001-80012", "联系电话不能超过20位，您输入了23位")]
    [InlineData("---------", "座机号码至少应有7位数字，请连同区号填写，如028-86156861")]
    [InlineData("8615686", null)]
    public void ALandlineHas7To20DigitsAndHyphens(string raw, string? error)
    {
        var accepted = InstitutionContact.TryNormalizePhone(raw, out var phone, out var actual);

        Assert.Equal(error is null, accepted);
        Assert.Equal(error, actual);
        Assert.Equal(accepted ? raw : string.Empty, phone);
    }

    [Theory]
    [InlineData("lisi@example.com")]
    [InlineData("li.si+exam@mail.example.com.cn")]
    [InlineData("Zhang_San@Example.COM")]
    public void ASimpleEmailIsAccepted(string raw)
    {
        Assert.True(InstitutionContact.TryNormalizeEmail($" {raw} ", out var email, out var error), error);
        Assert.Equal(raw, email);
    }

    [Theory]
    [InlineData("lisi")]
    [InlineData("@example.com")]
    [InlineData("lisi@")]
    [InlineData("lisi@example")]
    [InlineData("lisi@@example.com")]
    [InlineData("li@si@example.com")]
    [InlineData("lisi@.example.com")]
    [InlineData("lisi@example.com.")]
    [InlineData("lisi@example..com")]
    public void AnAddressWithoutTheShapeOfAnEmailIsRefused(string raw)
    {
        Assert.False(InstitutionContact.TryNormalizeEmail(raw, out _, out var error));
        Assert.Equal("电子邮箱格式不正确，应形如 name@example.com，请核对", error);
    }

    [Theory]
    [InlineData("lisi＠example.com")]
    [InlineData("lisi@example．com")]
    [InlineData("li si@example.com")]
    [InlineData("李四@example.com")]
    public void FullWidthOrChineseCharactersAreNamedAsTheProblem(string raw)
    {
        Assert.False(InstitutionContact.TryNormalizeEmail(raw, out _, out var error));
        Assert.Equal("电子邮箱只能包含英文字母、数字和半角符号，请检查是否混入了空格、中文或全角字符（如“＠”“．”）", error);
    }

    [Fact]
    public void AnEmailFitsItsColumn()
    {
        var longest = new string('a', InstitutionContact.EmailMaxLength - "@example.com".Length) + "@example.com";

        Assert.True(InstitutionContact.TryNormalizeEmail(longest, out _, out _));
        Assert.False(InstitutionContact.TryNormalizeEmail("a" + longest, out _, out var error));
        Assert.Equal("电子邮箱不能超过100个字符，您输入了101个", error);
    }
}
