using ExamPortal.Domain.Common;
using ExamPortal.Domain.People;
using ExamPortal.Web.Data;
using ExamPortal.Web.Data.Entities;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExamPortal.Web.Features.Accounts;

public sealed class SignUpInput
{
    public string FullName { get; set; } = string.Empty;
    public IdDocumentType IdDocumentType { get; set; } = IdDocumentType.ResidentIdCard;
    public string IdNumber { get; set; } = string.Empty;
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string Mobile { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class SignUpInputValidator : AbstractValidator<SignUpInput>
{
    public SignUpInputValidator()
    {
        RuleFor(x => x.FullName)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("请填写姓名（与证件一致）")
            .MaximumLength(50).WithMessage("姓名不能超过50个字符");
        RuleFor(x => x.IdNumber).Custom((raw, context) =>
        {
            var parsed = IdentityNumber.Parse(context.InstanceToValidate.IdDocumentType, raw);
            if (!parsed.IsValid)
            {
                context.AddFailure(nameof(SignUpInput.IdNumber), parsed.Error!);
            }
        });
        RuleFor(x => x.Gender)
            .NotNull().When(NeedsManualPersonalDetails).WithMessage("请选择性别（该证件号码不含性别信息）");
        RuleFor(x => x.BirthDate)
            .NotNull().When(NeedsManualPersonalDetails).WithMessage("请填写出生日期（该证件号码不含出生日期）");
        RuleFor(x => x.Mobile).Custom((raw, context) =>
        {
            if (!MobileNumber.TryNormalize(raw, out _, out var error))
            {
                context.AddFailure(nameof(SignUpInput.Mobile), error ?? "请填写11位手机号码");
            }
        });
        RuleFor(x => x.ConfirmPassword)
            .Equal(x => x.Password).WithMessage("两次输入的密码不一致，请重新输入确认密码");
    }

    private static bool NeedsManualPersonalDetails(SignUpInput input)
    {
        var parsed = IdentityNumber.Parse(input.IdDocumentType, input.IdNumber);
        return parsed.IsValid && (parsed.Number!.Gender is null || parsed.Number.BirthDate is null);
    }
}

public sealed record SignUpResult(PortalUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates a candidate account: one per person (ID number) and per mobile number.</summary>
public sealed class CandidateSignUp(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<SignUpResult> CreateAsync(SignUpInput input, CancellationToken ct)
    {
        var number = IdentityNumber.Parse(input.IdDocumentType, input.IdNumber).Number
            ?? throw new InvalidOperationException("Sign-up input must be validated first.");
        MobileNumber.TryNormalize(input.Mobile, out var mobile, out _);

        var errors = new List<(string, string)>();
        if (await db.Users.AnyAsync(u => u.IdDocumentType == number.Type && u.IdNumber == number.Value, ct))
        {
            errors.Add((nameof(SignUpInput.IdNumber), "该证件号码已注册账户，请直接登录；忘记密码请联系省职鉴中心"));
        }

        if (await db.Users.AnyAsync(u => u.UserName == mobile || u.PhoneNumber == mobile, ct))
        {
            errors.Add((nameof(SignUpInput.Mobile), "该手机号码已注册，请换一个号码或直接登录"));
        }

        if (errors.Count > 0)
        {
            return new SignUpResult(null, errors);
        }

        var user = new PortalUser
        {
            UserName = mobile,
            PhoneNumber = mobile,
            FullName = input.FullName.Trim(),
            IdDocumentType = number.Type,
            IdNumber = number.Value,
            Gender = number.Gender ?? input.Gender,
            BirthDate = number.BirthDate ?? input.BirthDate,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new SignUpResult(null, created.Errors.Select(e => (nameof(SignUpInput.Password), e.Description)).ToList());
        }

        await users.AddToRoleAsync(user, nameof(Role.Candidate));
        return new SignUpResult(user, []);
    }
}
