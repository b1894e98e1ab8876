using ExamPortal.Web.Infrastructure.Auth;

namespace ExamPortal.Tests.Security;

/// <summary>
/// The password rule people are told (PasswordRule.Text): at least 8 characters from at least three of upper case,
/// lower case, digits and symbols. The sign-up page shows the same refusal (SignUpTests).
/// </summary>
public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("Aa1aaaaa", true)]       // 8 characters, three classes
    [InlineData("aa1#aaaa", true)]       // lower, digit, symbol
    [InlineData("考生Aa1#", false)]      // four classes, 6 characters
    [InlineData("Aa1aaaa", false)]       // 7 characters
    [InlineData("abcdefghijkl", false)]  // one class, however long
    [InlineData("abcdefgh1234", false)]  // two classes
    [InlineData("ABCD1234#", true)]      // upper, digit, symbol
    [InlineData("", false)]
    public async Task At_least_8_characters_from_three_of_four_classes(string password, bool accepted)
    {
        var result = await new PasswordComplexityValidator<object>().ValidateAsync(null!, new object(), password);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(PasswordRule.Text, Assert.Single(result.Errors).Description);
        }
    }
}
