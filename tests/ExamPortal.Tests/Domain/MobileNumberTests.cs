using ExamPortal.Domain.People;

namespace ExamPortal.Tests.Domain;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData(" 138 1234 5678 ")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("86 13812345678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("＋８６\u3000１３８－１２３４－５６７８")]
    public void AMainlandMobileNumberIsNormalisedToElevenDigits(string raw)
    {
        Assert.True(MobileNumber.TryNormalize(raw, out var normalized, out var error), error);
        Assert.Equal("13812345678", normalized);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "请填写手机号码")]
    [InlineData("  ", "请填写手机号码")]
    [InlineData("1381234567", "手机号码应为11位数字，您输入了10位")]
    [InlineData("138123456789", "手机号码应为11位数字，您输入了12位")]
    [InlineData("23812345678", "手机号码应以1开头，请核对号码")]
    [InlineData("138abc45678", "手机号码只能包含数字，请去掉其他字符")]
    [InlineData("028-86156861", "手机号码应以1开头，请核对号码")]
    public void AnythingElseIsRefusedWithWhatToChange(string? raw, string expected)
    {
        Assert.False(MobileNumber.TryNormalize(raw, out var normalized, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(string.Empty, normalized);
    }
}
