using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Infrastructure.Auth;

/// <summary>
/// At least 8 characters from three of four classes. Identity's own options demand every enabled class,
/// which is stricter than the rule people are told, so the classes are checked here instead.
/// </summary>
public static class PasswordRule
{
    public const int MinimumLength = 8;
    public const string Text = "密码至少8位，且须包含大写字母、小写字母、数字、符号中的至少三类";
}

public sealed class PasswordComplexityValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        password ??= string.Empty;
        var classes = new[]
        {
            password.Any(char.IsUpper),
            password.Any(char.IsLower),
            password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)),
        }.Count(present => present);

        return Task.FromResult(password.Length >= PasswordRule.MinimumLength && classes >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordComplexity", Description = PasswordRule.Text }));
    }
}
