using ExamPortal.Domain.People;
using static ExamPortal.Tests.Domain.Dates;

namespace ExamPortal.Tests.Domain;

// Check characters worked out by hand with the GB 11643-1999 weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2
// and the map 1,0,X,9,8,7,6,5,4,3,2; e.g. 51010719900307123: weighted sum 226, 226 mod 11 = 6, check "6".
public sealed class IdentityNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Gender.Female)]
    [InlineData("510107199003071236", "1990-03-07", Gender.Male)]
    public void AValidResidentIdCardGivesBirthDateAndGender(string raw, string birthDate, Gender gender)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new IdentityNumber(IdDocumentType.ResidentIdCard, raw, D(birthDate), gender), result.Number);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X")]
    [InlineData("５１０１０７１９９００３０７１２３６", "510107199003071236")]
    [InlineData(" 5101 0719 9003 0712 36 ", "510107199003071236")]
    [InlineData("510107\u300019900307\u30001236", "510107199003071236")]
    [InlineData("\t510107199003071236\n", "510107199003071236")]
    public void InputIsNormalisedBeforeChecking(string raw, string expected)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Number.Value);
    }

    [Theory]
    [InlineData("510107199003071235")]
    [InlineData("110105194912310021")]
    public void AWrongCheckCharacterIsRefused(string raw)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Null(result.Number);
        Assert.Equal("居民身份证号码校验位不正确，请核对号码是否输错", result.Error);
    }

    [Theory]
    [InlineData("510107199002301239")]
    [InlineData("510107199013011236")]
    [InlineData("510107189912311236")]
    public void AnImpossibleBirthDateIsRefused(string raw)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Contains("居民身份证号码第7–14位出生日期无效", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51010719900307123", 17)]
    [InlineData("5101071990030712366", 19)]
    [InlineData("510107900307123", 15)]
    public void AResidentIdCardHas18Characters(string raw, int length)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Equal($"居民身份证号码应为18位，您输入了{length}位", result.Error);
    }

    [Theory]
    [InlineData("5101071990O3071236")]
    [InlineData("51010719900307123Y")]
    [InlineData("510107-19900307-12")]
    public void OnlyDigitsAndAFinalXAreAllowed(string raw)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Contains("前17位应为数字，最后一位应为数字或字母X", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000199003071236")]
    [InlineData("990107199003071236")]
    [InlineData("830000199506150025")]
    public void TheFirstTwoDigitsMustBeAProvince(string raw)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Contains("前两位（省份代码）无效", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \u3000 ")]
    public void AnEmptyNumberAsksToFillItIn(string? raw)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Equal("请填写居民身份证号码", result.Error);
    }

    [Fact]
    public void AHongKongMacaoTaiwanResidencePermitGivesBirthDateAndGender()
    {
        var result = IdentityNumber.Parse(IdDocumentType.HongKongMacaoTaiwanResidencePermit, "810000199506150025");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(D("1995-06-15"), result.Number.BirthDate);
        Assert.Equal(Gender.Female, result.Number.Gender);
    }

    [Fact]
    public void AResidencePermitStartsWith810000Or820000Or830000()
    {
        var result = IdentityNumber.Parse(IdDocumentType.HongKongMacaoTaiwanResidencePermit, "510107199003071236");

        Assert.False(result.IsValid);
        Assert.Contains("前6位应为810000（香港）、820000（澳门）或830000（台湾）", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResidencePermitWithAWrongCheckCharacterIsRefused()
    {
        var result = IdentityNumber.Parse(IdDocumentType.HongKongMacaoTaiwanResidencePermit, "810000199506150024");

        Assert.Equal("港澳台居民居住证号码校验位不正确，请核对号码是否输错", result.Error);
    }

    [Fact]
    public void The2023ForeignPermanentResidentIdCardGivesBirthDateAndGender()
    {
        var result = IdentityNumber.Parse(IdDocumentType.ForeignPermanentResidentIdCard, "951840198501010017");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(D("1985-01-01"), result.Number.BirthDate);
        Assert.Equal(Gender.Male, result.Number.Gender);
    }

    [Fact]
    public void TheOldForeignPermanentResidentIdCardIsThreeLettersAndTwelveDigits()
    {
        var result = IdentityNumber.Parse(IdDocumentType.ForeignPermanentResidentIdCard, "usa850101123456");

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new IdentityNumber(IdDocumentType.ForeignPermanentResidentIdCard, "USA850101123456", null, null), result.Number);
    }

    [Theory]
    [InlineData("951840198501010018", "校验位不正确")]
    [InlineData("510107199003071236", "应以9开头")]
    [InlineData("US1850101123456", "3位字母加12位数字")]
    [InlineData("9518401985010100", "应为18位（2023年版）或15位（旧版），您输入了16位")]
    public void AMalformedForeignPermanentResidentIdCardIsRefused(string raw, string fragment)
    {
        var result = IdentityNumber.Parse(IdDocumentType.ForeignPermanentResidentIdCard, raw);

        Assert.False(result.IsValid);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E12345678", "E12345678")]
    [InlineData("e1234", "E1234")]
    [InlineData("G 1234 5678", "G12345678")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void APassportIsFiveToTwentyLettersOrDigits(string raw, string expected)
    {
        var result = IdentityNumber.Parse(IdDocumentType.Passport, raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new IdentityNumber(IdDocumentType.Passport, expected, null, null), result.Number);
    }

    [Theory]
    [InlineData("E123", "护照号码应为5–20位字母或数字，您输入了4位")]
    [InlineData("123456789012345678901", "护照号码应为5–20位字母或数字，您输入了21位")]
    [InlineData("E1234-5678", "护照号码只能包含字母和数字，请去掉其他字符")]
    public void AMalformedPassportIsRefused(string raw, string error)
    {
        Assert.Equal(error, IdentityNumber.Parse(IdDocumentType.Passport, raw).Error);
    }

    [Fact]
    public void IsBornAfterComparesTheDerivedBirthDate()
    {
        var number = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, "510107199003071236").Number!;

        Assert.True(number.IsBornAfter(D("1990-03-06")));
        Assert.False(number.IsBornAfter(D("1990-03-07")));
        Assert.False(new IdentityNumber(IdDocumentType.Passport, "E12345678", null, null).IsBornAfter(D("1900-01-01")));
    }

    [Fact]
    public void TheTextFormNeverShowsTheWholeNumber()
    {
        var number = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, "510107199003071236").Number!;

        Assert.Equal("**************1236", number.Masked());
        Assert.Equal("居民身份证 **************1236", number.ToString());
        Assert.Equal("*****5678", new IdentityNumber(IdDocumentType.Passport, "E12345678", null, null).Masked());
    }

    [Theory]
    [InlineData("510104", "1992-03-15", 451, "510104199203154512", Gender.Male)]
    [InlineData("110105", "1949-12-31", 2, "11010519491231002X", Gender.Female)]
    public void AComposedResidentNumberCarriesItsPartsAndTheComputedCheckCharacter(string region, string birth, int sequence, string expected, Gender gender)
    {
        var composed = IdentityNumber.ComposeResidentIdCard(region, D(birth), sequence);

        Assert.Equal(expected, composed);
        var parsed = IdentityNumber.Parse(IdDocumentType.ResidentIdCard, composed);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal((D(birth), gender), (parsed.Number!.BirthDate!.Value, parsed.Number.Gender!.Value));
    }
}
