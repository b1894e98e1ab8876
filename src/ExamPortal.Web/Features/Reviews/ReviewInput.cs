using ExamPortal.Domain.Registrations;
using FluentValidation;

namespace ExamPortal.Web.Features.Reviews;

public sealed class ReviewInput
{
    public uint Version { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public List<string> Items { get; set; } = [];

    /// <summary>What a reviewer can ask the candidate to change: the two parts of the form and each file.</summary>
    public static IReadOnlyList<string> ReturnableItems { get; } =
        ["个人信息", "申报条件（文化程度、专业、职业）", .. DocumentSlots.Required.Select(DocumentSlots.DisplayName)];
}

public sealed class ReviewReasonValidator : AbstractValidator<ReviewInput>
{
    public ReviewReasonValidator()
    {
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写原因，考生将看到这段文字").MaximumLength(500).WithMessage("原因不能超过500个字符");
        RuleForEach(x => x.Items).Must(item => ReviewInput.ReturnableItems.Contains(item)).WithMessage("请从列表中选择需修改的内容");
    }
}
