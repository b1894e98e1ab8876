using ExamPortal.Domain.Institutions;

namespace ExamPortal.Tests.Domain.Institutions;

// Check characters worked out by hand with the GB 32100-2015 weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28,
// each character worth its place in 0123456789ABCDEFGHJKLMNPQRTUWXY (A = 10, J = 18, M = 21, N = 22, Q = 24, W = 28, X = 29):
//   91510107MA6CAQW8X?  values 9,1,5,1,0,1,0,7,21,10,6,12,10,24,28,8,29
//     products 9+3+45+27+0+26+0+119+420+290+150+156+80+576+280+240+812 = 3233; 3233 mod 31 = 9; 31 − 9 = 22 → "N"
//   51510000MJ000000 1?  values 5,1,5,1,0,0,0,0,21,18,0,0,0,0,0,0,1
//     products 5+3+45+27+420+522+28 = 1050; 1050 mod 31 = 27; 31 − 27 = 4 → "4"
//   91510107000000004?  products 9+3+45+27+26+119+112 = 341 = 11 × 31; 31 − 0 = 31, written 0 → "0"
// 91350100M000100Y43 is the example code widely printed with the standard.
public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91510107MA6CAQW8XN")]
    [InlineData("51510000MJ00000014")]
    [InlineData("915101070000000040")]
    [InlineData("91350100M000100Y43")]
    public void AValidCodeIsAccepted(string raw)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Valid, check.Verdict);
        Assert.Equal(raw, check.Normalized);
        Assert.Null(check.Message);
    }

    [Theory]
    [InlineData("91510107ma6caqw8xn")]
    [InlineData(" 9151 0107 MA6C AQW8 XN ")]
    [InlineData("91510107\u3000MA6CAQW8XN\t")]
    [InlineData("９１５１０１０７ＭＡ６ＣＡＱＷ８ＸＮ")]
    [InlineData("９１５１０１０７ｍａ６ｃａｑｗ８ｘｎ")]
    public void InputIsNormalisedBeforeChecking(string raw)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Valid, check.Verdict);
        Assert.Equal("91510107MA6CAQW8XN", check.Normalized);
    }

    [Theory]
    [InlineData("91510107MA6CAQW8XM", "91510107MA6CAQW8XM")]
    [InlineData("91510107MA6CAQW8X0", "91510107MA6CAQW8X0")]
    [InlineData("515100 00mj00000015", "51510000MJ00000015")]
    public void AWrongCheckCharacterIsAWarningTheApplicantMayConfirm(string raw, string normalized)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.CheckCharacterMismatch, check.Verdict);
        Assert.Equal(normalized, check.Normalized);
        Assert.Equal("校验位与计算结果不符。部分早期赋码的代码确实如此；如确认与营业执照一致，请勾选确认后提交", check.Message);
    }

    [Theory]
    [InlineData("91510107MI6CAQW8XN", "第10位“I”")]
    [InlineData("91510107MO6CAQW8XN", "第10位“O”")]
    [InlineData("91510107MA6CAQZ8XN", "第15位“Z”")]
    [InlineData("S1510107MA6CAQW8XN", "第1位“S”")]
    [InlineData("91510107MA6CAQW8XV", "第18位“V”")]
    [InlineData("9151010IMA6CAQW8XO", "第8位“I”、第18位“O”")]
    [InlineData("91510107-MA6CAQW8X", "第9位“-”")]
    public void LettersOutsideTheAlphabetAreRefusedByPosition(string raw, string where)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Malformed, check.Verdict);
        Assert.Equal(
            $"{where}不是统一社会信用代码使用的字符。代码只由数字和大写字母组成，且不含字母I、O、Z、S、V，请对照营业执照核对",
            check.Message);
    }

    [Theory]
    [InlineData("9151A107MA6CAQW8XN")]
    [InlineData("91510Y07MA6CAQW8XN")]
    public void TheAdministrativeDivisionCodeIsSixDigits(string raw)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Malformed, check.Verdict);
        Assert.Equal("统一社会信用代码第3–8位是行政区划代码，应为6位数字，请对照营业执照核对", check.Message);
    }

    [Theory]
    [InlineData("91510107MA6CAQW8X", 17)]
    [InlineData("91510107MA6CAQW8XN1", 19)]
    [InlineData("510107MA6CAQW", 13)]
    public void ACodeHas18Characters(string raw, int length)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Malformed, check.Verdict);
        Assert.Equal($"统一社会信用代码应为18位，您输入了{length}位，请对照营业执照核对", check.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void ABlankCodeAsksForIt(string? raw)
    {
        var check = CreditCode.Check(raw);

        Assert.Equal(CreditCodeVerdict.Malformed, check.Verdict);
        Assert.Equal(string.Empty, check.Normalized);
        Assert.Equal("请填写统一社会信用代码（营业执照或登记证书上的18位代码）", check.Message);
    }
}
