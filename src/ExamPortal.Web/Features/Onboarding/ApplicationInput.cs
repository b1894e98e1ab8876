using ExamPortal.Domain.Institutions;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace ExamPortal.Web.Features.Onboarding;

/// <summary>What an organisation types to apply; the password is for its first staff account.</summary>
public sealed class ApplicationInput
{
    public string Name { get; set; } = string.Empty;
    public string CreditCode { get; set; } = string.Empty;
    public bool ConfirmCheckMismatch { get; set; }
    public InstitutionType? Type { get; set; }
    public string Address { get; set; } = string.Empty;
    public string ContactPerson { get; set; } = string.Empty;
    public string ContactPhone { get; set; } = string.Empty;
    public string ContactEmail { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ApplicationInputValidator : AbstractValidator<ApplicationInput>
{
    public ApplicationInputValidator()
    {
        RuleFor(x => x.Type).NotNull().WithMessage("请选择机构类型");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("两次输入的密码不一致，请重新输入确认密码");
    }
}

public sealed class StaffInput
{
    public string FullName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
}

public sealed class StaffInputValidator : AbstractValidator<StaffInput>
{
    public StaffInputValidator()
    {
        RuleFor(x => x.FullName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写姓名").MaximumLength(50).WithMessage("姓名不能超过50个字符");
        RuleFor(x => x.Email).EmailAddress().WithMessage("请填写有效的邮箱，用于登录").NotEmpty().WithMessage("请填写邮箱，用于登录");
        RuleFor(x => x.Password).NotEmpty().WithMessage("请为同事设置初始密码");
    }
}

/// <summary>Identity's password rules checked before anything is written, so one form shows every problem.</summary>
public static class PasswordCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync<TUser>(UserManager<TUser> users, TUser user, string password)
        where TUser : class
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        return problems.Distinct().ToList();
    }
}
