using FluentValidation;

namespace ExamPortal.Web.Features.Tickets;

/// <summary>The public 准考证下载 form: the ID number and name the candidate registered with.</summary>
public sealed class TicketLookupInput
{
    public string? IdNumber { get; set; }
    public string? FullName { get; set; }
}

public sealed class TicketLookupInputValidator : AbstractValidator<TicketLookupInput>
{
    public TicketLookupInputValidator()
    {
        RuleFor(x => x.IdNumber).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写报名时使用的证件号码（身份证号）")
            .MaximumLength(30).WithMessage("证件号码不能超过30个字符，请核对");
        RuleFor(x => x.FullName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写姓名")
            .MaximumLength(50).WithMessage("姓名不能超过50字，请核对");
    }
}
