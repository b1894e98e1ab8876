using ExamPortal.Domain.Catalogue;
using ExamPortal.Domain.People;
using ExamPortal.Domain.Registrations;
using FluentValidation;

namespace ExamPortal.Web.Features.Registrations;

/// <summary>What the candidate types on the 报名信息 step.</summary>
public sealed class DetailsInput
{
    public string FullName { get; set; } = string.Empty;
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string Mobile { get; set; } = string.Empty;
    public string Address { get; set; } = string.Empty;
    public EducationLevel? Education { get; set; }
    public bool IsFinalYearStudent { get; set; }
    public string School { get; set; } = string.Empty;
    public string Major { get; set; } = string.Empty;
    public string? MajorGroupName { get; set; }
    public string Employer { get; set; } = string.Empty;
    public string? Occupation { get; set; }
    public bool DeclaresRelatedSkill { get; set; }
    public List<string> Declarations { get; set; } = [];

    public static DetailsInput From(PersonalDetails details) => new()
    {
        FullName = details.FullName,
        Gender = details.Gender,
        BirthDate = details.BirthDate,
        Mobile = details.Mobile,
        Address = details.Address,
        Education = details.Education,
        IsFinalYearStudent = details.IsFinalYearStudent,
        School = details.School,
        Major = details.Major,
        MajorGroupName = details.MajorGroupName,
        Employer = details.Employer,
        Occupation = details.Occupation,
        DeclaresRelatedSkill = details.DeclaresRelatedSkill,
        Declarations = [.. details.Declarations],
    };

    /// <summary>Keeps what only the scans step sets (the education-proof case).</summary>
    public PersonalDetails ToDetails(PersonalDetails? previous, string normalizedMobile) => new()
    {
        FullName = FullName.Trim(),
        Gender = Gender!.Value,
        BirthDate = BirthDate!.Value,
        Mobile = normalizedMobile,
        Address = Address.Trim(),
        Education = Education!.Value,
        IsFinalYearStudent = IsFinalYearStudent,
        School = School.Trim(),
        Major = Major.Trim(),
        MajorGroupName = string.IsNullOrWhiteSpace(MajorGroupName) ? null : MajorGroupName.Trim(),
        Employer = Employer.Trim(),
        Occupation = string.IsNullOrWhiteSpace(Occupation) ? null : Occupation.Trim(),
        DeclaresRelatedSkill = DeclaresRelatedSkill,
        Declarations = Declarations.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct().ToList(),
        EducationProofCase = previous?.EducationProofCase,
    };
}

public sealed class DetailsInputValidator : AbstractValidator<DetailsInput>
{
    public DetailsInputValidator()
    {
        RuleFor(x => x.FullName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写姓名（与证件一致）").MaximumLength(50).WithMessage("姓名不能超过50个字符");
        RuleFor(x => x.Gender).NotNull().WithMessage("请选择性别");
        RuleFor(x => x.BirthDate).NotNull().WithMessage("请填写出生日期");
        RuleFor(x => x.Mobile).Custom((raw, context) =>
        {
            if (!MobileNumber.TryNormalize(raw, out _, out var error))
            {
                context.AddFailure(nameof(DetailsInput.Mobile), error);
            }
        });
        RuleFor(x => x.Address).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写通讯地址，便于寄送材料和联系").MaximumLength(200).WithMessage("通讯地址不能超过200个字符");
        RuleFor(x => x.Education).NotNull().WithMessage("请选择文化程度");
        RuleFor(x => x.School).MaximumLength(100).WithMessage("毕业院校不能超过100个字符");
        RuleFor(x => x.Major).MaximumLength(100).WithMessage("所学专业不能超过100个字符");
        RuleFor(x => x.Employer).MaximumLength(100).WithMessage("工作单位不能超过100个字符");
        RuleFor(x => x.Occupation).MaximumLength(50).WithMessage("职业不能超过50个字符");
    }
}
